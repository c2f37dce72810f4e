<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>AddUserDialog</name>
        <message>
            <source>Add an official</source>
            <translation>Add an official</translation>
        </message>
        <message>
            <source>&amp;User name:</source>
            <translation>&amp;User name:</translation>
        </message>
        <message>
            <source>&amp;Full name:</source>
            <translation>&amp;Full name:</translation>
        </message>
        <message>
            <source>R&amp;ole:</source>
            <translation>R&amp;ole:</translation>
        </message>
        <message>
            <source>First &amp;password:</source>
            <translation>First &amp;password:</translation>
        </message>
        <message>
            <source>&amp;Repeat password:</source>
            <translation>&amp;Repeat password:</translation>
        </message>
        <message>
            <source>The official chooses their own password the first time they sign in.</source>
            <translation>The official chooses their own password the first time they sign in.</translation>
        </message>
        <message>
            <source>3–32 characters: lower-case letters without accents, digits, '.', '_' or '-'.</source>
            <translation>3–32 characters: lower-case letters without accents, digits, '.', '_' or '-'.</translation>
        </message>
        <message>
            <source>Enter the official's full name.</source>
            <translation>Enter the official's full name.</translation>
        </message>
    </context>
    <context>
        <name>ApplicantSection</name>
        <message>
            <source>2. Applicant</source>
            <translation>2. Applicant</translation>
        </message>
        <message>
            <source>Read QR from image/PDF…</source>
            <translation>Read QR from image/PDF…</translation>
        </message>
        <message>
            <source>Read QR from webcam</source>
            <translation>Read QR from webcam</translation>
        </message>
        <message>
            <source>Scan the chip ID card's QR into any field.</source>
            <translation>Scan the chip ID card's QR into any field.</translation>
        </message>
        <message>
            <source>No camera found on this computer.</source>
            <translation>No camera found on this computer.</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Full name</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>ID number</translation>
        </message>
        <message>
            <source>Old ID number</source>
            <translation>Old ID number</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Date of birth</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>ID issue date</source>
            <translation>ID issue date</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>dd/mm/yyyy</source>
            <translation>dd/mm/yyyy</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Sex</translation>
        </message>
        <message>
            <source>Authorised representative submits</source>
            <translation>Authorised representative submits</translation>
        </message>
        <message>
            <source>Authorisation (e.g. power of attorney no. …)</source>
            <translation>Authorisation (e.g. power of attorney no. …)</translation>
        </message>
        <message>
            <source>The ID card QR could not be used: %1. Nothing was changed.</source>
            <translation>The ID card QR could not be used: %1. Nothing was changed.</translation>
        </message>
        <message>
            <source>Filled from the ID card QR.</source>
            <translation>Filled from the ID card QR.</translation>
        </message>
        <message>
            <source>Returning applicant: stored details reused (%1).</source>
            <translation>Returning applicant: stored details reused (%1).</translation>
        </message>
        <message>
            <source>Type the date as dd/mm/yyyy.</source>
            <translation>Type the date as dd/mm/yyyy.</translation>
        </message>
    </context>
    <context>
        <name>CapturePanel</name>
        <message>
            <source>Import files or phone photos</source>
            <translation>Import files or phone photos</translation>
        </message>
        <message>
            <source>Images and PDF (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.pdf);;All files (*)</source>
            <translation>Images and PDF (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.pdf);;All files (*)</translation>
        </message>
        <message>
            <source>Scanner</source>
            <translation>Scanner</translation>
        </message>
        <message>
            <source>Scan (F8)</source>
            <translation>Scan (F8)</translation>
        </message>
        <message>
            <source>Import files / phone photo…</source>
            <translation>Import files / phone photo…</translation>
        </message>
        <message>
            <source>Webcam…</source>
            <translation>Webcam…</translation>
        </message>
        <message>
            <source>Ctrl+←/→ move · R rotate · Delete remove · Enter view</source>
            <translation>Ctrl+←/→ move · R rotate · Delete remove · Enter view</translation>
        </message>
        <message>
            <source>Looking for scanners…</source>
            <translation>Looking for scanners…</translation>
        </message>
        <message>
            <source>No scanner found</source>
            <translation>No scanner found</translation>
        </message>
        <message>
            <source>Pages of: %1</source>
            <translation>Pages of: %1</translation>
        </message>
        <message>
            <source>Choose a document in the checklist to capture its pages.</source>
            <translation>Choose a document in the checklist to capture its pages.</translation>
        </message>
        <message>
            <source>Scanning…</source>
            <translation>Scanning…</translation>
        </message>
        <message>
            <source>Reading %1 file(s)…</source>
            <translation>Reading %1 file(s)…</translation>
        </message>
        <message>
            <source>Processing the photos…</source>
            <translation>Processing the photos…</translation>
        </message>
        <message>
            <source>%1 page(s) were kept.</source>
            <translation>%1 page(s) were kept.</translation>
        </message>
        <message>
            <source>Building the PDF…</source>
            <translation>Building the PDF…</translation>
        </message>
        <message>
            <source>%1 page(s) in this document · Total upload size: %2</source>
            <translation>%1 page(s) in this document · Total upload size: %2</translation>
        </message>
    </context>
    <context>
        <name>CaptureProblems</name>
        <message>
            <source>The document feeder is empty: put the pages in and scan again.</source>
            <translation>The document feeder is empty: put the pages in and scan again.</translation>
        </message>
        <message>
            <source>The %1 page(s) scanned before were kept.</source>
            <translation>The %1 page(s) scanned before were kept.</translation>
        </message>
        <message>
            <source>%(file) changed while it was being received; attach it again.</source>
            <translation>%(file) changed while it was being received; attach it again.</translation>
        </message>
        <message>
            <source>%(file) is a folder, not a file.</source>
            <translation>%(file) is a folder, not a file.</translation>
        </message>
        <message>
            <source>%(file) is larger than the %(megabytes) MB a page file may have.</source>
            <translation>%(file) is larger than the %(megabytes) MB a page file may have.</translation>
        </message>
        <message>
            <source>%(file), page %(page): the page is damaged or incomplete; copy or scan it again.</source>
            <translation>%(file), page %(page): the page is damaged or incomplete; copy or scan it again.</translation>
        </message>
        <message>
            <source>%(file): %(count) pages is more than the %(max) a dossier may have.</source>
            <translation>%(file): %(count) pages is more than the %(max) a dossier may have.</translation>
        </message>
        <message>
            <source>%(file): not an image or a PDF; use JPEG, PNG, TIFF or PDF.</source>
            <translation>%(file): not an image or a PDF; use JPEG, PNG, TIFF or PDF.</translation>
        </message>
        <message>
            <source>%(file): the PDF contains scripts or actions, which are not accepted; print it to a new PDF or scan the paper.</source>
            <translation>%(file): the PDF contains scripts or actions, which are not accepted; print it to a new PDF or scan the paper.</translation>
        </message>
        <message>
            <source>%(file): the PDF has no pages.</source>
            <translation>%(file): the PDF has no pages.</translation>
        </message>
        <message>
            <source>%(file): the PDF is damaged; copy or scan it again.</source>
            <translation>%(file): the PDF is damaged; copy or scan it again.</translation>
        </message>
        <message>
            <source>%(file): the PDF is protected by a password; save an unprotected copy and import that.</source>
            <translation>%(file): the PDF is protected by a password; save an unprotected copy and import that.</translation>
        </message>
        <message>
            <source>%(file): the file cannot be read; check that it is still there and that you may open it.</source>
            <translation>%(file): the file cannot be read; check that it is still there and that you may open it.</translation>
        </message>
        <message>
            <source>%(file): the file is damaged or incomplete; copy or scan it again.</source>
            <translation>%(file): the file is damaged or incomplete; copy or scan it again.</translation>
        </message>
        <message>
            <source>%(file): the file is empty (0 bytes).</source>
            <translation>%(file): the file is empty (0 bytes).</translation>
        </message>
        <message>
            <source>%(file): the file no longer exists.</source>
            <translation>%(file): the file no longer exists.</translation>
        </message>
        <message>
            <source>%(file): the image is far too large to be a page; it was refused.</source>
            <translation>%(file): the image is far too large to be a page; it was refused.</translation>
        </message>
        <message>
            <source>%(source), page %(page): %(dpi) dpi is too low to be read reliably; scan again at %(floor) dpi or more.</source>
            <translation>%(source), page %(page): %(dpi) dpi is too low to be read reliably; scan again at %(floor) dpi or more.</translation>
        </message>
        <message>
            <source>%(source): the sheet is too small in the photo to be read reliably; take the photo closer, filling the picture with the sheet.</source>
            <translation>%(source): the sheet is too small in the photo to be read reliably; take the photo closer, filling the picture with the sheet.</translation>
        </message>
        <message>
            <source>Page %(page) from the scanner %(device) was cut off; scan it again.</source>
            <translation>Page %(page) from the scanner %(device) was cut off; scan it again.</translation>
        </message>
        <message>
            <source>Paper jammed in the scanner %(device) at page %(page); clear it and scan again.</source>
            <translation>Paper jammed in the scanner %(device) at page %(page); clear it and scan again.</translation>
        </message>
        <message>
            <source>The camera gave an empty picture; take the photo again.</source>
            <translation>The camera gave an empty picture; take the photo again.</translation>
        </message>
        <message>
            <source>The scanner %(device) answered with an error (HTTP %(status)); try again, or restart the scanner.</source>
            <translation>The scanner %(device) answered with an error (HTTP %(status)); try again, or restart the scanner.</translation>
        </message>
        <message>
            <source>The scanner %(device) cannot scan both sides.</source>
            <translation>The scanner %(device) cannot scan both sides.</translation>
        </message>
        <message>
            <source>The scanner %(device) cannot scan in %(colour).</source>
            <translation>The scanner %(device) cannot scan in %(colour).</translation>
        </message>
        <message>
            <source>The scanner %(device) could not be opened; check that it is on and connected.</source>
            <translation>The scanner %(device) could not be opened; check that it is on and connected.</translation>
        </message>
        <message>
            <source>The scanner %(device) could not finish the job.</source>
            <translation>The scanner %(device) could not finish the job.</translation>
        </message>
        <message>
            <source>The scanner %(device) does not answer; check that it is on and connected.</source>
            <translation>The scanner %(device) does not answer; check that it is on and connected.</translation>
        </message>
        <message>
            <source>The scanner %(device) does not send pages as JPEG, which this program needs.</source>
            <translation>The scanner %(device) does not send pages as JPEG, which this program needs.</translation>
        </message>
        <message>
            <source>The scanner %(device) finished without a page: is there paper on the glass or in the feeder?</source>
            <translation>The scanner %(device) finished without a page: is there paper on the glass or in the feeder?</translation>
        </message>
        <message>
            <source>The scanner %(device) has no document feeder.</source>
            <translation>The scanner %(device) has no document feeder.</translation>
        </message>
        <message>
            <source>The scanner %(device) is busy; try again when it is idle.</source>
            <translation>The scanner %(device) is busy; try again when it is idle.</translation>
        </message>
        <message>
            <source>The scanner %(device) offers no way of scanning this program can use.</source>
            <translation>The scanner %(device) offers no way of scanning this program can use.</translation>
        </message>
        <message>
            <source>The scanner %(device) refused the scan settings; choose another resolution or colour.</source>
            <translation>The scanner %(device) refused the scan settings; choose another resolution or colour.</translation>
        </message>
        <message>
            <source>The scanner %(device) sent something this program cannot read; scan again, or restart the scanner.</source>
            <translation>The scanner %(device) sent something this program cannot read; scan again, or restart the scanner.</translation>
        </message>
        <message>
            <source>The scanner %(device) stopped answering at page %(page).</source>
            <translation>The scanner %(device) stopped answering at page %(page).</translation>
        </message>
        <message>
            <source>The scanner %(device) stopped answering in the middle of the job.</source>
            <translation>The scanner %(device) stopped answering in the middle of the job.</translation>
        </message>
        <message>
            <source>The scanner software (%(program)) is not installed on this computer.</source>
            <translation>The scanner software (%(program)) is not installed on this computer.</translation>
        </message>
        <message>
            <source>The text on the page could not be recognised.</source>
            <translation>The text on the page could not be recognised.</translation>
        </message>
        <message>
            <source>The text-recognition data for %(language) is not installed; ask the administrator to reinstall MotCua Desk.</source>
            <translation>The text-recognition data for %(language) is not installed; ask the administrator to reinstall MotCua Desk.</translation>
        </message>
        <message>
            <source>black and white</source>
            <translation>black and white</translation>
        </message>
        <message>
            <source>colour</source>
            <translation>colour</translation>
        </message>
        <message>
            <source>greyscale</source>
            <translation>greyscale</translation>
        </message>
        <message>
            <source>%(file): no QR code was found in the picture.</source>
            <translation>%(file): no QR code was found in the picture.</translation>
        </message>
        <message>
            <source>Reading a QR code from a picture needs a part that is not installed (%(program)).</source>
            <translation>Reading a QR code from a picture needs a part that is not installed (%(program)).</translation>
        </message>
        <message>
            <source>the file no longer exists.</source>
            <translation>the file no longer exists.</translation>
        </message>
        <message>
            <source>the file is empty (0 bytes).</source>
            <translation>the file is empty (0 bytes).</translation>
        </message>
        <message>
            <source>the file is damaged or incomplete; copy or scan it again.</source>
            <translation>the file is damaged or incomplete; copy or scan it again.</translation>
        </message>
        <message>
            <source>not an image or a PDF; use JPEG, PNG, TIFF or PDF.</source>
            <translation>not an image or a PDF; use JPEG, PNG, TIFF or PDF.</translation>
        </message>
        <message>
            <source>the image is far too large to be a page; it was refused.</source>
            <translation>the image is far too large to be a page; it was refused.</translation>
        </message>
        <message>
            <source>the PDF is protected by a password; save an unprotected copy and import that.</source>
            <translation>the PDF is protected by a password; save an unprotected copy and import that.</translation>
        </message>
        <message>
            <source>the PDF contains scripts or actions, which are not accepted.</source>
            <translation>the PDF contains scripts or actions, which are not accepted.</translation>
        </message>
        <message>
            <source>the resolution is too low to be read reliably; scan again at 200 dpi (300 dpi for an ID card).</source>
            <translation>the resolution is too low to be read reliably; scan again at 200 dpi (300 dpi for an ID card).</translation>
        </message>
        <message>
            <source>The scanner stopped answering in the middle of the job.</source>
            <translation>The scanner stopped answering in the middle of the job.</translation>
        </message>
    </context>
    <context>
        <name>CatalogModel</name>
        <message>
            <source>%1 per %2</source>
            <translation>%1 per %2</translation>
        </message>
        <message>
            <source>By %1, in tiers</source>
            <translation>By %1, in tiers</translation>
        </message>
        <message>
            <source>No time limit</source>
            <translation>No time limit</translation>
        </message>
        <message>
            <source>%1/page</source>
            <translation>%1/page</translation>
        </message>
        <message>
            <source>Provincial council</source>
            <translation>Provincial council</translation>
        </message>
        <message>
            <source>Free</source>
            <translation>Free</translation>
        </message>
        <message>
            <source>%1/page for pages 1–2, %2/page from page 3</source>
            <translation>%1/page for pages 1–2, %2/page from page 3</translation>
        </message>
        <message>
            <source>at most %1 per copy</source>
            <translation>at most %1 per copy</translation>
        </message>
        <message>
            <source>Set by the provincial council</source>
            <translation>Set by the provincial council</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Unknown</translation>
        </message>
    </context>
    <context>
        <name>CatalogPage</name>
        <message>
            <source>Procedure catalogue</source>
            <translation>Procedure catalogue</translation>
        </message>
        <message>
            <source>Search by name or code, with or without accents…</source>
            <translation>Search by name or code, with or without accents…</translation>
        </message>
        <message>
            <source>Loading the catalogue…</source>
            <translation>Loading the catalogue…</translation>
        </message>
        <message>
            <source>The catalogue is empty. An administrator can import the province's catalogue.</source>
            <translation>The catalogue is empty. An administrator can import the province's catalogue.</translation>
        </message>
        <message>
            <source>%1 procedures in the catalogue.</source>
            <translation>%1 procedures in the catalogue.</translation>
        </message>
        <message>
            <source>No procedure matches “%1”.</source>
            <translation>No procedure matches “%1”.</translation>
        </message>
        <message>
            <source>%1 procedures match.</source>
            <translation>%1 procedures match.</translation>
        </message>
    </context>
    <context>
        <name>CatalogTableModel</name>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Procedure</source>
            <translation>Procedure</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>Time limit</source>
            <translation>Time limit</translation>
        </message>
        <message>
            <source>Fee</source>
            <translation>Fee</translation>
        </message>
    </context>
    <context>
        <name>ChangePasswordDialog</name>
        <message>
            <source>Change password</source>
            <translation>Change password</translation>
        </message>
        <message>
            <source>&amp;Current password:</source>
            <translation>&amp;Current password:</translation>
        </message>
        <message>
            <source>&amp;New password:</source>
            <translation>&amp;New password:</translation>
        </message>
        <message>
            <source>&amp;Repeat new password:</source>
            <translation>&amp;Repeat new password:</translation>
        </message>
        <message>
            <source>Choose your own password</source>
            <translation>Choose your own password</translation>
        </message>
        <message>
            <source>Sign &amp;out</source>
            <translation>Sign &amp;out</translation>
        </message>
        <message>
            <source>%1: your password was set by an administrator. Choose your own before you start work; type the one you were given as the current password.</source>
            <translation>%1: your password was set by an administrator. Choose your own before you start work; type the one you were given as the current password.</translation>
        </message>
        <message>
            <source>%1: at least %2 characters; the new password opens the desk from your next unlock or sign-in.</source>
            <translation>%1: at least %2 characters; the new password opens the desk from your next unlock or sign-in.</translation>
        </message>
        <message>
            <source>Enter your current password.</source>
            <translation>Enter your current password.</translation>
        </message>
    </context>
    <context>
        <name>ChannelSection</name>
        <message>
            <source>6. Channel</source>
            <translation>6. Channel</translation>
        </message>
        <message>
            <source>At the desk</source>
            <translation>At the desk</translation>
        </message>
        <message>
            <source>Post-office agent</source>
            <translation>Post-office agent</translation>
        </message>
        <message>
            <source>Community technology team</source>
            <translation>Community technology team</translation>
        </message>
        <message>
            <source>Received through</source>
            <translation>Received through</translation>
        </message>
        <message>
            <source>Unit the dossier is for</source>
            <translation>Unit the dossier is for</translation>
        </message>
        <message>
            <source>Destination unit</source>
            <translation>Destination unit</translation>
        </message>
        <message>
            <source>Village, hamlet or place of the visit</source>
            <translation>Village, hamlet or place of the visit</translation>
        </message>
        <message>
            <source>Visit place</source>
            <translation>Visit place</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>Unexpected error</source>
            <translation>Unexpected error</translation>
        </message>
        <message>
            <source>MotCua Desk ran into an unexpected problem. Work that was already saved is safe. If it happens again, send the details to your administrator.</source>
            <translation>MotCua Desk ran into an unexpected problem. Work that was already saved is safe. If it happens again, send the details to your administrator.</translation>
        </message>
        <message>
            <source>Log folder: %1</source>
            <translation>Log folder: %1</translation>
        </message>
        <message>
            <source>&amp;Copy details</source>
            <translation>&amp;Copy details</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>DeliverySection</name>
        <message>
            <source>5. Result delivery</source>
            <translation>5. Result delivery</translation>
        </message>
        <message>
            <source>At the desk</source>
            <translation>At the desk</translation>
        </message>
        <message>
            <source>By post</source>
            <translation>By post</translation>
        </message>
        <message>
            <source>Delivery</source>
            <translation>Delivery</translation>
        </message>
        <message>
            <source>Postal address for the result</source>
            <translation>Postal address for the result</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Address</translation>
        </message>
    </context>
    <context>
        <name>DeskStatusBar</name>
        <message>
            <source>Offline · portal not connected</source>
            <translation>Offline · portal not connected</translation>
        </message>
        <message>
            <source>Waiting to sync: …</source>
            <translation>Waiting to sync: …</translation>
        </message>
    </context>
    <context>
        <name>DocumentsModel</name>
        <message>
            <source>Original</source>
            <translation>Original</translation>
        </message>
        <message>
            <source>Certified copy</source>
            <translation>Certified copy</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Copy</translation>
        </message>
        <message>
            <source>Shown</source>
            <translation>Shown</translation>
        </message>
        <message>
            <source>Required</source>
            <translation>Required</translation>
        </message>
        <message>
            <source>If applicable</source>
            <translation>If applicable</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Document</translation>
        </message>
        <message>
            <source>Form</source>
            <translation>Form</translation>
        </message>
        <message>
            <source>Copies</source>
            <translation>Copies</translation>
        </message>
        <message>
            <source>Pages</source>
            <translation>Pages</translation>
        </message>
    </context>
    <context>
        <name>DocumentsSection</name>
        <message>
            <source>Images and PDF (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.pdf);;All files (*)</source>
            <translation>Images and PDF (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.pdf);;All files (*)</translation>
        </message>
        <message>
            <source>3. Documents</source>
            <translation>3. Documents</translation>
        </message>
        <message>
            <source>Reason for missing documents (required when a required document is not received)</source>
            <translation>Reason for missing documents (required when a required document is not received)</translation>
        </message>
        <message>
            <source>Attach files… (Ctrl+O)</source>
            <translation>Attach files… (Ctrl+O)</translation>
        </message>
        <message>
            <source>All received (Ctrl+Shift+A)</source>
            <translation>All received (Ctrl+Shift+A)</translation>
        </message>
        <message>
            <source>Tick the missing documents, or write why the dossier is accepted without them.</source>
            <translation>Tick the missing documents, or write why the dossier is accepted without them.</translation>
        </message>
    </context>
    <context>
        <name>DossierDetail</name>
        <message>
            <source>Delivered to the portal</source>
            <translation>Delivered to the portal</translation>
        </message>
        <message>
            <source>Waiting to be sent to the portal</source>
            <translation>Waiting to be sent to the portal</translation>
        </message>
        <message>
            <source>Refused by the portal: see the Sync page</source>
            <translation>Refused by the portal: see the Sync page</translation>
        </message>
        <message>
            <source>Kept on this desk only</source>
            <translation>Kept on this desk only</translation>
        </message>
        <message>
            <source>Procedure</source>
            <translation>Procedure</translation>
        </message>
        <message>
            <source>Applicant</source>
            <translation>Applicant</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>Appointment</source>
            <translation>Appointment</translation>
        </message>
        <message>
            <source>Fees</source>
            <translation>Fees</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Sync</translation>
        </message>
        <message>
            <source>not submitted</source>
            <translation>not submitted</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Documents</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Timeline</translation>
        </message>
    </context>
    <context>
        <name>DossierDialog</name>
        <message>
            <source>Dossier %1</source>
            <translation>Dossier %1</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>&amp;Reprint (Ctrl+P)</source>
            <translation>&amp;Reprint (Ctrl+P)</translation>
        </message>
        <message>
            <source>Form %1 — %2</source>
            <translation>Form %1 — %2</translation>
        </message>
        <message>
            <source>No scanned pages</source>
            <translation>No scanned pages</translation>
        </message>
        <message>
            <source>Opening the scanned pages…</source>
            <translation>Opening the scanned pages…</translation>
        </message>
        <message>
            <source>Scanned &amp;pages (Ctrl+G)</source>
            <translation>Scanned &amp;pages (Ctrl+G)</translation>
        </message>
        <message>
            <source>The scanned pages could not be opened: %1</source>
            <translation>The scanned pages could not be opened: %1</translation>
        </message>
        <message>
            <source>&amp;Actions (Ctrl+K)</source>
            <translation>&amp;Actions (Ctrl+K)</translation>
        </message>
        <message>
            <source>Done: %1.</source>
            <translation>Done: %1.</translation>
        </message>
        <message>
            <source>The action was recorded; form %1 is not available in this version yet.</source>
            <translation>The action was recorded; form %1 is not available in this version yet.</translation>
        </message>
    </context>
    <context>
        <name>DossiersPage</name>
        <message>
            <source>Delivered</source>
            <translation>Delivered</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Refused</translation>
        </message>
        <message>
            <source>Local</source>
            <translation>Local</translation>
        </message>
        <message>
            <source>Dossiers</source>
            <translation>Dossiers</translation>
        </message>
        <message>
            <source>Search by code, ID number or name…</source>
            <translation>Search by code, ID number or name…</translation>
        </message>
        <message>
            <source>Dossier code</source>
            <translation>Dossier code</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>Applicant</source>
            <translation>Applicant</translation>
        </message>
        <message>
            <source>Procedure</source>
            <translation>Procedure</translation>
        </message>
        <message>
            <source>Appointment</source>
            <translation>Appointment</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Sync</translation>
        </message>
        <message>
            <source>%1 dossiers match.</source>
            <translation>%1 dossiers match.</translation>
        </message>
        <message>
            <source>%1 most recent dossiers.</source>
            <translation>%1 most recent dossiers.</translation>
        </message>
        <message>
            <source>%1 dossiers.</source>
            <translation>%1 dossiers.</translation>
        </message>
        <message>
            <source>&amp;Official</source>
            <translation>&amp;Official</translation>
        </message>
        <message>
            <source>&amp;Procedure</source>
            <translation>&amp;Procedure</translation>
        </message>
        <message>
            <source>&amp;to</source>
            <translation>&amp;to</translation>
        </message>
        <message>
            <source>All channels</source>
            <translation>All channels</translation>
        </message>
        <message>
            <source>All officials</source>
            <translation>All officials</translation>
        </message>
        <message>
            <source>All procedures</source>
            <translation>All procedures</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <source>Any appointment</source>
            <translation>Any appointment</translation>
        </message>
        <message>
            <source>Any sync state</source>
            <translation>Any sync state</translation>
        </message>
        <message>
            <source>At the desk</source>
            <translation>At the desk</translation>
        </message>
        <message>
            <source>C&amp;hannel</source>
            <translation>C&amp;hannel</translation>
        </message>
        <message>
            <source>C&amp;lear filters</source>
            <translation>C&amp;lear filters</translation>
        </message>
        <message>
            <source>Community team</source>
            <translation>Community team</translation>
        </message>
        <message>
            <source>D&amp;ue</source>
            <translation>D&amp;ue</translation>
        </message>
        <message>
            <source>Due today</source>
            <translation>Due today</translation>
        </message>
        <message>
            <source>Due within %1 working days</source>
            <translation>Due within %1 working days</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>Post office</source>
            <translation>Post office</translation>
        </message>
        <message>
            <source>Received &amp;from</source>
            <translation>Received &amp;from</translation>
        </message>
        <message>
            <source>S&amp;tatus</source>
            <translation>S&amp;tatus</translation>
        </message>
        <message>
            <source>S&amp;ync</source>
            <translation>S&amp;ync</translation>
        </message>
        <message>
            <source>Show &amp;ID numbers</source>
            <translation>Show &amp;ID numbers</translation>
        </message>
        <message>
            <source>dd/mm/yyyy</source>
            <translation>dd/mm/yyyy</translation>
        </message>
    </context>
    <context>
        <name>DraftBanner</name>
        <message>
            <source>Continue (Ctrl+R)</source>
            <translation>Continue (Ctrl+R)</translation>
        </message>
        <message>
            <source>Discard draft</source>
            <translation>Discard draft</translation>
        </message>
        <message>
            <source>Continue the unfinished reception? %1</source>
            <translation>Continue the unfinished reception? %1</translation>
        </message>
        <message>
            <source>(%1 unfinished receptions in all)</source>
            <translation>(%1 unfinished receptions in all)</translation>
        </message>
    </context>
    <context>
        <name>EnrolDialog</name>
        <message>
            <source>Enrol with the portal</source>
            <translation>Enrol with the portal</translation>
        </message>
        <message>
            <source>Ask the portal administrator for a one-time token for this unit (motcua portal token create). The token can be used once.</source>
            <translation>Ask the portal administrator for a one-time token for this unit (motcua portal token create). The token can be used once.</translation>
        </message>
        <message>
            <source>one-time token</source>
            <translation>one-time token</translation>
        </message>
        <message>
            <source>Portal &amp;address</source>
            <translation>Portal &amp;address</translation>
        </message>
        <message>
            <source>&amp;Token</source>
            <translation>&amp;Token</translation>
        </message>
        <message>
            <source>Enrol</source>
            <translation>Enrol</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Enter the portal's address.</source>
            <translation>Enter the portal's address.</translation>
        </message>
        <message>
            <source>Enter the token.</source>
            <translation>Enter the token.</translation>
        </message>
        <message>
            <source>Contacting the portal…</source>
            <translation>Contacting the portal…</translation>
        </message>
    </context>
    <context>
        <name>FeesSection</name>
        <message>
            <source>4. Fees</source>
            <translation>4. Fees</translation>
        </message>
        <message>
            <source>Choose a procedure first.</source>
            <translation>Choose a procedure first.</translation>
        </message>
        <message>
            <source>Fee</source>
            <translation>Fee</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>Pages to charge</source>
            <translation>Pages to charge</translation>
        </message>
        <message>
            <source>Amount in đồng, e.g. 50000</source>
            <translation>Amount in đồng, e.g. 50000</translation>
        </message>
        <message>
            <source>Amount (đ)</source>
            <translation>Amount (đ)</translation>
        </message>
        <message>
            <source>Cash</source>
            <translation>Cash</translation>
        </message>
        <message>
            <source>Bank transfer (VietQR)</source>
            <translation>Bank transfer (VietQR)</translation>
        </message>
        <message>
            <source>Exempt</source>
            <translation>Exempt</translation>
        </message>
        <message>
            <source>Payment</source>
            <translation>Payment</translation>
        </message>
        <message>
            <source>Reason for exemption (e.g. poor household)</source>
            <translation>Reason for exemption (e.g. poor household)</translation>
        </message>
        <message>
            <source>Exemption reason</source>
            <translation>Exemption reason</translation>
        </message>
        <message>
            <source>Type the amount in đồng, digits only.</source>
            <translation>Type the amount in đồng, digits only.</translation>
        </message>
        <message>
            <source>Enter the number of pages.</source>
            <translation>Enter the number of pages.</translation>
        </message>
        <message>
            <source>Total: %1</source>
            <translation>Total: %1</translation>
        </message>
        <message>
            <source>Amount to be entered</source>
            <translation>Amount to be entered</translation>
        </message>
        <message>
            <source>VietQR settings are incomplete.</source>
            <translation>VietQR settings are incomplete.</translation>
        </message>
        <message>
            <source>Transfer %1 to %2</source>
            <translation>Transfer %1 to %2</translation>
        </message>
        <message>
            <source>Nothing to pay (no fee)</source>
            <translation>Nothing to pay (no fee)</translation>
        </message>
    </context>
    <context>
        <name>LockScreen</name>
        <message>
            <source>The desk is locked</source>
            <translation>The desk is locked</translation>
        </message>
        <message>
            <source>Signed in as %1. Enter your password to continue.</source>
            <translation>Signed in as %1. Enter your password to continue.</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Password:</translation>
        </message>
        <message>
            <source>&amp;Unlock</source>
            <translation>&amp;Unlock</translation>
        </message>
        <message>
            <source>S&amp;witch user</source>
            <translation>S&amp;witch user</translation>
        </message>
        <message>
            <source>Enter your password.</source>
            <translation>Enter your password.</translation>
        </message>
        <message>
            <source>Wrong password.</source>
            <translation>Wrong password.</translation>
        </message>
    </context>
    <context>
        <name>LoginScreen</name>
        <message>
            <source>MotCua Desk – Sign in</source>
            <translation>MotCua Desk – Sign in</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <source>&amp;User name:</source>
            <translation>&amp;User name:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Password:</translation>
        </message>
        <message>
            <source>&amp;Sign in</source>
            <translation>&amp;Sign in</translation>
        </message>
        <message>
            <source>&amp;Restore the latest backup…</source>
            <translation>&amp;Restore the latest backup…</translation>
        </message>
        <message>
            <source>Enter your user name and password.</source>
            <translation>Enter your user name and password.</translation>
        </message>
        <message>
            <source>The local store was written by a newer version of MotCua Desk. Install the newer version to open it; nothing has been changed.</source>
            <translation>The local store was written by a newer version of MotCua Desk. Install the newer version to open it; nothing has been changed.</translation>
        </message>
        <message>
            <source>The local store is damaged and cannot be opened.</source>
            <translation>The local store is damaged and cannot be opened.</translation>
        </message>
        <message>
            <source>The latest backup is %1.</source>
            <translation>The latest backup is %1.</translation>
        </message>
        <message>
            <source>No backup was found; contact your administrator.</source>
            <translation>No backup was found; contact your administrator.</translation>
        </message>
        <message>
            <source>Restore backup</source>
            <translation>Restore backup</translation>
        </message>
        <message>
            <source>Replace the damaged store with the backup %1? Work saved after that backup will be missing.</source>
            <translation>Replace the damaged store with the backup %1? Work saved after that backup will be missing.</translation>
        </message>
        <message>
            <source>&amp;Restore</source>
            <translation>&amp;Restore</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>The backup was restored. Sign in again.</source>
            <translation>The backup was restored. Sign in again.</translation>
        </message>
        <message>
            <source>&amp;Forgot the password? Use the recovery key…</source>
            <translation>&amp;Forgot the password? Use the recovery key…</translation>
        </message>
        <message>
            <source>&amp;Training mode (practise on sample data)</source>
            <translation>&amp;Training mode (practise on sample data)</translation>
        </message>
        <message>
            <source>Opens a separate training store with sample dossiers; nothing done there reaches the real store or the portal.</source>
            <translation>Opens a separate training store with sample dossiers; nothing done there reaches the real store or the portal.</translation>
        </message>
        <message>
            <source>Preparing the training data…</source>
            <translation>Preparing the training data…</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>MotCua Desk – %1</source>
            <translation>MotCua Desk – %1</translation>
        </message>
        <message>
            <source>Reception</source>
            <translation>Reception</translation>
        </message>
        <message>
            <source>Dossiers</source>
            <translation>Dossiers</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Sync</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Reports</translation>
        </message>
        <message>
            <source>Catalogue</source>
            <translation>Catalogue</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Reading the text of scanned pages: %1/%2</source>
            <translation>Reading the text of scanned pages: %1/%2</translation>
        </message>
        <message>
            <source>Scanned pages can now be found by their words.</source>
            <translation>Scanned pages can now be found by their words.</translation>
        </message>
        <message>
            <source>Change password</source>
            <translation>Change password</translation>
        </message>
        <message>
            <source>Your password was changed.</source>
            <translation>Your password was changed.</translation>
        </message>
        <message>
            <source>Return a result</source>
            <translation>Return a result</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>Audit log</translation>
        </message>
    </context>
    <context>
        <name>PageViewer</name>
        <message>
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>Zoom out (-)</source>
            <translation>Zoom out (-)</translation>
        </message>
        <message>
            <source>Zoom in (+)</source>
            <translation>Zoom in (+)</translation>
        </message>
        <message>
            <source>Fit (0)</source>
            <translation>Fit (0)</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Page %1 of %2</source>
            <translation>Page %1 of %2</translation>
        </message>
        <message>
            <source>This page cannot be shown.</source>
            <translation>This page cannot be shown.</translation>
        </message>
    </context>
    <context>
        <name>ProcedureDetail</name>
        <message>
            <source>originals: %1</source>
            <translation>originals: %1</translation>
        </message>
        <message>
            <source>copies: %1</source>
            <translation>copies: %1</translation>
        </message>
        <message>
            <source>exempt: %1</source>
            <translation>exempt: %1</translation>
        </message>
        <message>
            <source>Select a procedure to see its details.</source>
            <translation>Select a procedure to see its details.</translation>
        </message>
        <message>
            <source>not verified</source>
            <translation>not verified</translation>
        </message>
        <message>
            <source>code</source>
            <translation>code</translation>
        </message>
        <message>
            <source>name</source>
            <translation>name</translation>
        </message>
        <message>
            <source>time limit</source>
            <translation>time limit</translation>
        </message>
        <message>
            <source>fee</source>
            <translation>fee</translation>
        </message>
        <message>
            <source>documents</source>
            <translation>documents</translation>
        </message>
        <message>
            <source>extension</source>
            <translation>extension</translation>
        </message>
        <message>
            <source>effective date</source>
            <translation>effective date</translation>
        </message>
        <message>
            <source>verified</source>
            <translation>verified</translation>
        </message>
        <message>
            <source>single source</source>
            <translation>single source</translation>
        </message>
        <message>
            <source>No documents listed.</source>
            <translation>No documents listed.</translation>
        </message>
        <message>
            <source>required</source>
            <translation>required</translation>
        </message>
        <message>
            <source>if applicable</source>
            <translation>if applicable</translation>
        </message>
        <message>
            <source>show the original</source>
            <translation>show the original</translation>
        </message>
        <message>
            <source>submit</source>
            <translation>submit</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>Authority</source>
            <translation>Authority</translation>
        </message>
        <message>
            <source>Time limit</source>
            <translation>Time limit</translation>
        </message>
        <message>
            <source>Extension</source>
            <translation>Extension</translation>
        </message>
        <message>
            <source>Fee</source>
            <translation>Fee</translation>
        </message>
        <message>
            <source>Channels</source>
            <translation>Channels</translation>
        </message>
        <message>
            <source>In force from</source>
            <translation>In force from</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Documents</translation>
        </message>
        <message>
            <source>Legal basis</source>
            <translation>Legal basis</translation>
        </message>
        <message>
            <source>Source and confidence</source>
            <translation>Source and confidence</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>not stated</source>
            <translation>not stated</translation>
        </message>
        <message>
            <source>no tag</source>
            <translation>no tag</translation>
        </message>
    </context>
    <context>
        <name>ProcedureListModel</name>
        <message>
            <source>Recent</source>
            <translation>Recent</translation>
        </message>
        <message>
            <source>Frequent</source>
            <translation>Frequent</translation>
        </message>
    </context>
    <context>
        <name>ProcedurePicker</name>
        <message>
            <source>1. Procedure</source>
            <translation>1. Procedure</translation>
        </message>
        <message>
            <source>Type a few words of the procedure or its code, then Enter…</source>
            <translation>Type a few words of the procedure or its code, then Enter…</translation>
        </message>
    </context>
    <context>
        <name>QrProblems</name>
        <message>
            <source>it is not a chip-ID card QR</source>
            <translation>it is not a chip-ID card QR</translation>
        </message>
        <message>
            <source>the old ID number on the card is not 9 or 12 digits</source>
            <translation>the old ID number on the card is not 9 or 12 digits</translation>
        </message>
        <message>
            <source>the name on the card is empty or unreadable</source>
            <translation>the name on the card is empty or unreadable</translation>
        </message>
        <message>
            <source>the date of birth on the card is not a valid date</source>
            <translation>the date of birth on the card is not a valid date</translation>
        </message>
        <message>
            <source>the sex on the card is neither Nam nor Nữ</source>
            <translation>the sex on the card is neither Nam nor Nữ</translation>
        </message>
        <message>
            <source>the address on the card is empty or unreadable</source>
            <translation>the address on the card is empty or unreadable</translation>
        </message>
        <message>
            <source>the issue date on the card is not valid or is before the date of birth</source>
            <translation>the issue date on the card is not valid or is before the date of birth</translation>
        </message>
        <message>
            <source>fields %(fields) of the card's QR hold data this version does not know; type the details in</source>
            <translation>fields %(fields) of the card's QR hold data this version does not know; type the details in</translation>
        </message>
        <message>
            <source>it is not a chip-ID card QR (7 or 11 fields separated by | expected, %(count) found)</source>
            <translation>it is not a chip-ID card QR (7 or 11 fields separated by | expected, %(count) found)</translation>
        </message>
        <message>
            <source>the ID number on the card does not match its date of birth or sex</source>
            <translation>the ID number on the card does not match its date of birth or sex</translation>
        </message>
        <message>
            <source>the ID number on the card is not 12 digits</source>
            <translation>the ID number on the card is not 12 digits</translation>
        </message>
        <message>
            <source>the first 3 digits of the ID number on the card are not a province code</source>
            <translation>the first 3 digits of the ID number on the card are not a province code</translation>
        </message>
        <message>
            <source>the year of birth on the card is outside 1900–2399</source>
            <translation>the year of birth on the card is outside 1900–2399</translation>
        </message>
        <message>
            <source>it is not a chip-ID card QR (7 or 11 fields separated by | expected, %1 found)</source>
            <translation>it is not a chip-ID card QR (7 or 11 fields separated by | expected, %1 found)</translation>
        </message>
        <message>
            <source>fields %1 of the card's QR hold data this version does not know; type the details in</source>
            <translation>fields %1 of the card's QR hold data this version does not know; type the details in</translation>
        </message>
    </context>
    <context>
        <name>ReceiptPrinter</name>
        <message>
            <source>the receipt PDF could not be read</source>
            <translation>the receipt PDF could not be read</translation>
        </message>
        <message>
            <source>no printer is set up on this computer</source>
            <translation>no printer is set up on this computer</translation>
        </message>
        <message>
            <source>Receipt %1</source>
            <translation>Receipt %1</translation>
        </message>
        <message>
            <source>printing was cancelled</source>
            <translation>printing was cancelled</translation>
        </message>
        <message>
            <source>the printer did not accept the receipt</source>
            <translation>the printer did not accept the receipt</translation>
        </message>
        <message>
            <source>No printer is set up on this computer: save the form as PDF and print it elsewhere.</source>
            <translation>No printer is set up on this computer: save the form as PDF and print it elsewhere.</translation>
        </message>
    </context>
    <context>
        <name>ReceptionPage</name>
        <message>
            <source>Receive a dossier</source>
            <translation>Receive a dossier</translation>
        </message>
        <message>
            <source>Read QR from image/PDF</source>
            <translation>Read QR from image/PDF</translation>
        </message>
        <message>
            <source>Images and PDF (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.pdf)</source>
            <translation>Images and PDF (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.pdf)</translation>
        </message>
        <message>
            <source>No QR code in the camera picture; hold the card closer and try again.</source>
            <translation>No QR code in the camera picture; hold the card closer and try again.</translation>
        </message>
        <message>
            <source>&amp;Discard</source>
            <translation>&amp;Discard</translation>
        </message>
        <message>
            <source>&amp;Keep the draft</source>
            <translation>&amp;Keep the draft</translation>
        </message>
        <message>
            <source>Discard the draft?</source>
            <translation>Discard the draft?</translation>
        </message>
        <message>
            <source>Discard the unfinished reception “%1”? It cannot be brought back.</source>
            <translation>Discard the unfinished reception “%1”? It cannot be brought back.</translation>
        </message>
        <message>
            <source>The dossier was NOT saved: %1 The form is kept; confirm again.</source>
            <translation>The dossier was NOT saved: %1 The form is kept; confirm again.</translation>
        </message>
        <message>
            <source>The dossier was NOT saved: %1. The form is kept; confirm again.</source>
            <translation>The dossier was NOT saved: %1. The form is kept; confirm again.</translation>
        </message>
    </context>
    <context>
        <name>ReceptionProblems</name>
        <message>
            <source>Enter the 12-digit personal ID number.</source>
            <translation>Enter the 12-digit personal ID number.</translation>
        </message>
        <message>
            <source>Enter the applicant's full name.</source>
            <translation>Enter the applicant's full name.</translation>
        </message>
        <message>
            <source>The old ID number has 9 or 12 digits.</source>
            <translation>The old ID number has 9 or 12 digits.</translation>
        </message>
        <message>
            <source>Choose Nam or Nữ.</source>
            <translation>Choose Nam or Nữ.</translation>
        </message>
        <message>
            <source>Check the phone number (e.g. 0912 345 678).</source>
            <translation>Check the phone number (e.g. 0912 345 678).</translation>
        </message>
        <message>
            <source>Check the e-mail address (e.g. ten@example.vn).</source>
            <translation>Check the e-mail address (e.g. ten@example.vn).</translation>
        </message>
        <message>
            <source>Enter the representative's full name.</source>
            <translation>Enter the representative's full name.</translation>
        </message>
        <message>
            <source>Give the postal address for the result.</source>
            <translation>Give the postal address for the result.</translation>
        </message>
        <message>
            <source>Say where the community team received the dossier.</source>
            <translation>Say where the community team received the dossier.</translation>
        </message>
        <message>
            <source>Say why the fee is waived (e.g. poor household).</source>
            <translation>Say why the fee is waived (e.g. poor household).</translation>
        </message>
        <message>
            <source>Enter the number of pages to charge.</source>
            <translation>Enter the number of pages to charge.</translation>
        </message>
        <message>
            <source>Choose the procedure.</source>
            <translation>Choose the procedure.</translation>
        </message>
        <message>
            <source>Enter the fee amount in đồng.</source>
            <translation>Enter the fee amount in đồng.</translation>
        </message>
        <message>
            <source>%(count) documents is more than the %(max) a dossier may have.</source>
            <translation>%(count) documents is more than the %(max) a dossier may have.</translation>
        </message>
        <message>
            <source>%(count) page files is more than the %(max) a dossier may have.</source>
            <translation>%(count) page files is more than the %(max) a dossier may have.</translation>
        </message>
        <message>
            <source>%(name) has scanned pages but is not ticked as received.</source>
            <translation>%(name) has scanned pages but is not ticked as received.</translation>
        </message>
        <message>
            <source>%(unit) is not a unit identifier; give one like 000.00.06.H56.</source>
            <translation>%(unit) is not a unit identifier; give one like 000.00.06.H56.</translation>
        </message>
        <message>
            <source>%(value) is not one of the allowed values.</source>
            <translation>%(value) is not one of the allowed values.</translation>
        </message>
        <message>
            <source>A personal ID number has 12 digits; this one has %(count).</source>
            <translation>A personal ID number has 12 digits; this one has %(count).</translation>
        </message>
        <message>
            <source>A scanned page is missing or damaged; capture it again.</source>
            <translation>A scanned page is missing or damaged; capture it again.</translation>
        </message>
        <message>
            <source>A scanned page was not kept properly; capture it again.</source>
            <translation>A scanned page was not kept properly; capture it again.</translation>
        </message>
        <message>
            <source>An ID number holds a year of birth from 1900 to 2399 only; check the date of birth.</source>
            <translation>An ID number holds a year of birth from 1900 to 2399 only; check the date of birth.</translation>
        </message>
        <message>
            <source>Character %(position) (%(code)) cannot be kept in a form field (a control, direction or invisible character); type the text again.</source>
            <translation>Character %(position) (%(code)) cannot be kept in a form field (a control, direction or invisible character); type the text again.</translation>
        </message>
        <message>
            <source>Document %(number) has no name.</source>
            <translation>Document %(number) has no name.</translation>
        </message>
        <message>
            <source>Enter a whole number of at least 1.</source>
            <translation>Enter a whole number of at least 1.</translation>
        </message>
        <message>
            <source>Enter at least 1 copy of %(name).</source>
            <translation>Enter at least 1 copy of %(name).</translation>
        </message>
        <message>
            <source>Enter the fee amount: %(note)</source>
            <translation>Enter the fee amount: %(note)</translation>
        </message>
        <message>
            <source>No procedure %(code) is in force on %(date) in this desk's catalogue.</source>
            <translation>No procedure %(code) is in force on %(date) in this desk's catalogue.</translation>
        </message>
        <message>
            <source>Only a post-office agent chooses a destination unit.</source>
            <translation>Only a post-office agent chooses a destination unit.</translation>
        </message>
        <message>
            <source>Procedure %(code) cannot be submitted through this channel.</source>
            <translation>Procedure %(code) cannot be submitted through this channel.</translation>
        </message>
        <message>
            <source>Procedure %(code) has no time limit in the catalogue, so no appointment can be given; ask the administrator to complete it.</source>
            <translation>Procedure %(code) has no time limit in the catalogue, so no appointment can be given; ask the administrator to complete it.</translation>
        </message>
        <message>
            <source>The ID number does not match the date of birth %(date) and the sex %(sex) (digits 4–6 hold the century, the sex and the year of birth).</source>
            <translation>The ID number does not match the date of birth %(date) and the sex %(sex) (digits 4–6 hold the century, the sex and the year of birth).</translation>
        </message>
        <message>
            <source>The appointment falls outside the working calendar; check the reception date and the procedure's time limit.</source>
            <translation>The appointment falls outside the working calendar; check the reception date and the procedure's time limit.</translation>
        </message>
        <message>
            <source>The date of birth %(date) is in the future.</source>
            <translation>The date of birth %(date) is in the future.</translation>
        </message>
        <message>
            <source>The fee follows the catalogue rule (%(amount)); leave the amount empty.</source>
            <translation>The fee follows the catalogue rule (%(amount)); leave the amount empty.</translation>
        </message>
        <message>
            <source>The first 3 digits of the ID number (%(prefix)) are not a province code.</source>
            <translation>The first 3 digits of the ID number (%(prefix)) are not a province code.</translation>
        </message>
        <message>
            <source>The issue date %(date) is in the future.</source>
            <translation>The issue date %(date) is in the future.</translation>
        </message>
        <message>
            <source>The issue date must be after the date of birth.</source>
            <translation>The issue date must be after the date of birth.</translation>
        </message>
        <message>
            <source>The number of dossier sets is a whole number from 1 to %(max).</source>
            <translation>The number of dossier sets is a whole number from 1 to %(max).</translation>
        </message>
        <message>
            <source>The reception time %(moment) is in the future.</source>
            <translation>The reception time %(moment) is in the future.</translation>
        </message>
        <message>
            <source>The required document %(name) is not received: receive it, or write why the dossier is accepted without it.</source>
            <translation>The required document %(name) is not received: receive it, or write why the dossier is accepted without it.</translation>
        </message>
        <message>
            <source>The required document %(name) of the checklist is missing: add it, or write why the dossier is accepted without it.</source>
            <translation>The required document %(name) of the checklist is missing: add it, or write why the dossier is accepted without it.</translation>
        </message>
        <message>
            <source>The unfinished reception could not be read back; enter it again.</source>
            <translation>The unfinished reception could not be read back; enter it again.</translation>
        </message>
        <message>
            <source>The unfinished reception is no longer there.</source>
            <translation>The unfinished reception is no longer there.</translation>
        </message>
        <message>
            <source>This must be text.</source>
            <translation>This must be text.</translation>
        </message>
        <message>
            <source>Too long: %(count) characters, at most %(max).</source>
            <translation>Too long: %(count) characters, at most %(max).</translation>
        </message>
        <message>
            <source>Give a dossier code like 000.00.06.H56-251124-0001.</source>
            <translation>Give a dossier code like 000.00.06.H56-251124-0001.</translation>
        </message>
        <message>
            <source>There is no dossier %(code) on this desk.</source>
            <translation>There is no dossier %(code) on this desk.</translation>
        </message>
        <message>
            <source>The first 3 digits of the ID number are not a province code.</source>
            <translation>The first 3 digits of the ID number are not a province code.</translation>
        </message>
        <message>
            <source>The ID number does not match the date of birth or the sex.</source>
            <translation>The ID number does not match the date of birth or the sex.</translation>
        </message>
        <message>
            <source>A personal ID number has 12 digits.</source>
            <translation>A personal ID number has 12 digits.</translation>
        </message>
        <message>
            <source>The date of birth is in the future.</source>
            <translation>The date of birth is in the future.</translation>
        </message>
        <message>
            <source>Check the date of birth.</source>
            <translation>Check the date of birth.</translation>
        </message>
        <message>
            <source>The issue date must not be in the future or before the birth date.</source>
            <translation>The issue date must not be in the future or before the birth date.</translation>
        </message>
        <message>
            <source>Check the representative's phone number.</source>
            <translation>Check the representative's phone number.</translation>
        </message>
        <message>
            <source>A required document of the checklist is missing.</source>
            <translation>A required document of the checklist is missing.</translation>
        </message>
        <message>
            <source>A required document is not ticked as received.</source>
            <translation>A required document is not ticked as received.</translation>
        </message>
        <message>
            <source>Write why the dossier is accepted without the missing documents.</source>
            <translation>Write why the dossier is accepted without the missing documents.</translation>
        </message>
        <message>
            <source>This desk is not authorised to receive dossiers for this unit; the portal administrator must grant it, then synchronise.</source>
            <translation>This desk is not authorised to receive dossiers for this unit; the portal administrator must grant it, then synchronise.</translation>
        </message>
        <message>
            <source>Give the destination unit's identifier, e.g. 000.00.06.H56.</source>
            <translation>Give the destination unit's identifier, e.g. 000.00.06.H56.</translation>
        </message>
    </context>
    <context>
        <name>RecoveryKeyDialog</name>
        <message>
            <source>Recovery key</source>
            <translation>Recovery key</translation>
        </message>
        <message>
            <source>This is the recovery key of the local store. It is shown only once. Write it down or print it and keep it locked away: with it, an administrator can open the store if every password is lost.</source>
            <translation>This is the recovery key of the local store. It is shown only once. Write it down or print it and keep it locked away: with it, an administrator can open the store if every password is lost.</translation>
        </message>
        <message>
            <source>I have &amp;written down the recovery key</source>
            <translation>I have &amp;written down the recovery key</translation>
        </message>
        <message>
            <source>C&amp;ontinue</source>
            <translation>C&amp;ontinue</translation>
        </message>
        <message>
            <source>&amp;Print</source>
            <translation>&amp;Print</translation>
        </message>
        <message>
            <source>Cop&amp;y</source>
            <translation>Cop&amp;y</translation>
        </message>
        <message>
            <source>MotCua Desk recovery key</source>
            <translation>MotCua Desk recovery key</translation>
        </message>
        <message>
            <source>Keep this sheet locked away. Anyone holding it can open the store.</source>
            <translation>Keep this sheet locked away. Anyone holding it can open the store.</translation>
        </message>
        <message>
            <source>Unit: %1 – %2</source>
            <translation>Unit: %1 – %2</translation>
        </message>
        <message>
            <source>Made on: %1</source>
            <translation>Made on: %1</translation>
        </message>
        <message>
            <source>Read the groups row by row, left to right. At the sign-in screen: “Forgot the password? Use the recovery key”.</source>
            <translation>Read the groups row by row, left to right. At the sign-in screen: “Forgot the password? Use the recovery key”.</translation>
        </message>
    </context>
    <context>
        <name>RecoveryUnlockDialog</name>
        <message>
            <source>Open with the recovery key</source>
            <translation>Open with the recovery key</translation>
        </message>
        <message>
            <source>Type the recovery key printed when this desk was set up (10 groups of 4 letters and digits; dashes and spaces do not matter).</source>
            <translation>Type the recovery key printed when this desk was set up (10 groups of 4 letters and digits; dashes and spaces do not matter).</translation>
        </message>
        <message>
            <source>Recovery &amp;key:</source>
            <translation>Recovery &amp;key:</translation>
        </message>
        <message>
            <source>&amp;Administrator:</source>
            <translation>&amp;Administrator:</translation>
        </message>
        <message>
            <source>New &amp;password:</source>
            <translation>New &amp;password:</translation>
        </message>
        <message>
            <source>&amp;Repeat password:</source>
            <translation>&amp;Repeat password:</translation>
        </message>
        <message>
            <source>&amp;Continue</source>
            <translation>&amp;Continue</translation>
        </message>
        <message>
            <source>Set password and &amp;sign in</source>
            <translation>Set password and &amp;sign in</translation>
        </message>
        <message>
            <source>The recovery key is correct. Choose the administrator account and give it a new password.</source>
            <translation>The recovery key is correct. Choose the administrator account and give it a new password.</translation>
        </message>
        <message>
            <source>The key has 40 letters and digits; %1 were typed.</source>
            <translation>The key has 40 letters and digits; %1 were typed.</translation>
        </message>
        <message>
            <source>This is not the recovery key of this desk.</source>
            <translation>This is not the recovery key of this desk.</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <source>Citizens satisfied (survey)</source>
            <translation>Citizens satisfied (survey)</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Reports</translation>
        </message>
        <message>
            <source>Reports will come here: the tracking register and statistics as PDF and Excel.</source>
            <translation>Reports will come here: the tracking register and statistics as PDF and Excel.</translation>
        </message>
        <message>
            <source>Save the tracking register</source>
            <translation>Save the tracking register</translation>
        </message>
        <message>
            <source>PDF (*.pdf);;Excel (*.xlsx);;CSV (*.csv)</source>
            <translation>PDF (*.pdf);;Excel (*.xlsx);;CSV (*.csv)</translation>
        </message>
        <message>
            <source>&amp;From</source>
            <translation>&amp;From</translation>
        </message>
        <message>
            <source>&amp;To</source>
            <translation>&amp;To</translation>
        </message>
        <message>
            <source>This &amp;month</source>
            <translation>This &amp;month</translation>
        </message>
        <message>
            <source>&amp;Last month</source>
            <translation>&amp;Last month</translation>
        </message>
        <message>
            <source>&amp;Show</source>
            <translation>&amp;Show</translation>
        </message>
        <message>
            <source>&amp;Print report…</source>
            <translation>&amp;Print report…</translation>
        </message>
        <message>
            <source>Save the &amp;register…</source>
            <translation>Save the &amp;register…</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>Results returned</source>
            <translation>Results returned</translation>
        </message>
        <message>
            <source>Returned on time</source>
            <translation>Returned on time</translation>
        </message>
        <message>
            <source>Overdue, still being processed</source>
            <translation>Overdue, still being processed</translation>
        </message>
        <message>
            <source>Returned by post</source>
            <translation>Returned by post</translation>
        </message>
        <message>
            <source>Not yet accepted by the portal</source>
            <translation>Not yet accepted by the portal</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Dossiers</source>
            <translation>Dossiers</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Channel</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Procedure</source>
            <translation>Procedure</translation>
        </message>
        <message>
            <source>Official</source>
            <translation>Official</translation>
        </message>
        <message>
            <source>By status</source>
            <translation>By status</translation>
        </message>
        <message>
            <source>By channel</source>
            <translation>By channel</translation>
        </message>
        <message>
            <source>By procedure</source>
            <translation>By procedure</translation>
        </message>
        <message>
            <source>By official</source>
            <translation>By official</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>Counting…</translation>
        </message>
        <message>
            <source>Show a report first, then print it.</source>
            <translation>Show a report first, then print it.</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Report</translation>
        </message>
        <message>
            <source>Report %1 – %2</source>
            <translation>Report %1 – %2</translation>
        </message>
        <message>
            <source>Writing the register…</source>
            <translation>Writing the register…</translation>
        </message>
        <message>
            <source>Register saved: %1 dossiers in %2</source>
            <translation>Register saved: %1 dossiers in %2</translation>
        </message>
    </context>
    <context>
        <name>ResetPasswordDialog</name>
        <message>
            <source>Reset password</source>
            <translation>Reset password</translation>
        </message>
        <message>
            <source>New &amp;password:</source>
            <translation>New &amp;password:</translation>
        </message>
        <message>
            <source>&amp;Repeat password:</source>
            <translation>&amp;Repeat password:</translation>
        </message>
        <message>
            <source>New password for %1. They must choose their own when they next sign in.</source>
            <translation>New password for %1. They must choose their own when they next sign in.</translation>
        </message>
        <message>
            <source>The account will be active again.</source>
            <translation>The account will be active again.</translation>
        </message>
    </context>
    <context>
        <name>ResultPanel</name>
        <message>
            <source>Dossier %1 saved, waiting for supplements — request for supplements (form 02) printed.</source>
            <translation>Dossier %1 saved, waiting for supplements — request for supplements (form 02) printed.</translation>
        </message>
        <message>
            <source>Print again (Ctrl+P)</source>
            <translation>Print again (Ctrl+P)</translation>
        </message>
        <message>
            <source>Dossier %1 saved. Appointment: %2.</source>
            <translation>Dossier %1 saved. Appointment: %2.</translation>
        </message>
        <message>
            <source>Dossier %1 was already saved from this draft. Appointment: %2.</source>
            <translation>Dossier %1 was already saved from this draft. Appointment: %2.</translation>
        </message>
        <message>
            <source>Dossier %1 saved — printing the receipt…</source>
            <translation>Dossier %1 saved — printing the receipt…</translation>
        </message>
        <message>
            <source>Dossier %1 saved — receipt printed.</source>
            <translation>Dossier %1 saved — receipt printed.</translation>
        </message>
        <message>
            <source>Dossier %1 saved — the receipt could not be printed (%2). Use “Print again”.</source>
            <translation>Dossier %1 saved — the receipt could not be printed (%2). Use “Print again”.</translation>
        </message>
        <message>
            <source>Dossier %1 saved, waiting for supplements: no appointment until the missing documents arrive.</source>
            <translation>Dossier %1 saved, waiting for supplements: no appointment until the missing documents arrive.</translation>
        </message>
    </context>
    <context>
        <name>RoleDialog</name>
        <message>
            <source>Change role</source>
            <translation>Change role</translation>
        </message>
        <message>
            <source>&amp;Role:</source>
            <translation>&amp;Role:</translation>
        </message>
        <message>
            <source>New role of %1:</source>
            <translation>New role of %1:</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Backups</source>
            <translation>Backups</translation>
        </message>
        <message>
            <source>Calendar</source>
            <translation>Calendar</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>&amp;Lock the desk after being idle for:</source>
            <translation>&amp;Lock the desk after being idle for:</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Language:</translation>
        </message>
        <message>
            <source>e.g. 192.168.1.20; may-quet-tang-2.local</source>
            <translation>e.g. 192.168.1.20; may-quet-tang-2.local</translation>
        </message>
        <message>
            <source>&amp;Network scanners not found by themselves:</source>
            <translation>&amp;Network scanners not found by themselves:</translation>
        </message>
        <message>
            <source>e.g. \\may-chu\scan; D:\Scan</source>
            <translation>e.g. \\may-chu\scan; D:\Scan</translation>
        </message>
        <message>
            <source>&amp;Folders scanners save into:</source>
            <translation>&amp;Folders scanners save into:</translation>
        </message>
        <message>
            <source>A new language takes effect the next time MotCua Desk starts.</source>
            <translation>A new language takes effect the next time MotCua Desk starts.</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Settings saved.</source>
            <translation>Settings saved.</translation>
        </message>
        <message>
            <source>General</source>
            <translation>General</translation>
        </message>
        <message>
            <source>Officials</source>
            <translation>Officials</translation>
        </message>
        <message>
            <source>&amp;Change my password…</source>
            <translation>&amp;Change my password…</translation>
        </message>
        <message>
            <source>Still to set up</source>
            <translation>Still to set up</translation>
        </message>
    </context>
    <context>
        <name>SetupScreen</name>
        <message>
            <source>Restore from a &amp;backup (a new computer)…</source>
            <translation>Restore from a &amp;backup (a new computer)…</translation>
        </message>
        <message>
            <source>Backup to restore</source>
            <translation>Backup to restore</translation>
        </message>
        <message>
            <source>MotCua Desk backups (*.zip)</source>
            <translation>MotCua Desk backups (*.zip)</translation>
        </message>
        <message>
            <source>MotCua Desk – First-time setup</source>
            <translation>MotCua Desk – First-time setup</translation>
        </message>
        <message>
            <source>First-time setup</source>
            <translation>First-time setup</translation>
        </message>
        <message>
            <source>This computer has no local store yet. Enter the unit's details and create the first administrator account. The data on this computer will be encrypted.</source>
            <translation>This computer has no local store yet. Enter the unit's details and create the first administrator account. The data on this computer will be encrypted.</translation>
        </message>
        <message>
            <source>e.g. Public Administration Service Centre of Tân Lập commune</source>
            <translation>e.g. Public Administration Service Centre of Tân Lập commune</translation>
        </message>
        <message>
            <source>Unit &amp;identifier (mã định danh):</source>
            <translation>Unit &amp;identifier (mã định danh):</translation>
        </message>
        <message>
            <source>Unit &amp;name:</source>
            <translation>Unit &amp;name:</translation>
        </message>
        <message>
            <source>Administrator &amp;user name:</source>
            <translation>Administrator &amp;user name:</translation>
        </message>
        <message>
            <source>Administrator &amp;full name:</source>
            <translation>Administrator &amp;full name:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Password:</translation>
        </message>
        <message>
            <source>&amp;Repeat password:</source>
            <translation>&amp;Repeat password:</translation>
        </message>
        <message>
            <source>&amp;Create store</source>
            <translation>&amp;Create store</translation>
        </message>
        <message>
            <source>Enter the unit's electronic identifier.</source>
            <translation>Enter the unit's electronic identifier.</translation>
        </message>
        <message>
            <source>Use the form 000.00.06.H56 (four groups separated by dots).</source>
            <translation>Use the form 000.00.06.H56 (four groups separated by dots).</translation>
        </message>
        <message>
            <source>Enter the unit's full name as printed on receipts.</source>
            <translation>Enter the unit's full name as printed on receipts.</translation>
        </message>
        <message>
            <source>3–32 characters: lower-case letters without accents, digits, '.', '_' or '-'.</source>
            <translation>3–32 characters: lower-case letters without accents, digits, '.', '_' or '-'.</translation>
        </message>
        <message>
            <source>Enter the administrator's full name.</source>
            <translation>Enter the administrator's full name.</translation>
        </message>
        <message>
            <source>At least %1 characters.</source>
            <translation>At least %1 characters.</translation>
        </message>
        <message>
            <source>The two passwords are not the same.</source>
            <translation>The two passwords are not the same.</translation>
        </message>
        <message>
            <source>Creating…</source>
            <translation>Creating…</translation>
        </message>
        <message>
            <source>&amp;Later</source>
            <translation>&amp;Later</translation>
        </message>
    </context>
    <context>
        <name>SummaryBar</name>
        <message>
            <source>Counted over the estimated calendar of %1, not yet confirmed</source>
            <translation>Counted over the estimated calendar of %1, not yet confirmed</translation>
        </message>
        <message>
            <source>Confirm (Ctrl+Enter)</source>
            <translation>Confirm (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Appointment: %1</source>
            <translation>Appointment: %1</translation>
        </message>
        <message>
            <source>Appointment: —</source>
            <translation>Appointment: —</translation>
        </message>
        <message>
            <source>Fee: %1</source>
            <translation>Fee: %1</translation>
        </message>
        <message>
            <source>Fee: —</source>
            <translation>Fee: —</translation>
        </message>
        <message>
            <source>%1 things to fix: %2</source>
            <translation>%1 things to fix: %2</translation>
        </message>
        <message>
            <source>Ready to confirm.</source>
            <translation>Ready to confirm.</translation>
        </message>
        <message>
            <source>Appointment: none until the missing documents arrive</source>
            <translation>Appointment: none until the missing documents arrive</translation>
        </message>
        <message>
            <source>A required document is missing: confirming records a request for supplements (form 02) with no appointment, unless you write why the dossier is accepted without it.</source>
            <translation>A required document is missing: confirming records a request for supplements (form 02) with no appointment, unless you write why the dossier is accepted without it.</translation>
        </message>
    </context>
    <context>
        <name>SyncPage</name>
        <message>
            <source>%1 refused by the portal.</source>
            <translation>%1 refused by the portal.</translation>
        </message>
        <message>
            <source>Up to date at %1.</source>
            <translation>Up to date at %1.</translation>
        </message>
        <message>
            <source>This desk is not enrolled with a portal yet, so nothing is sent. An administrator enrols it with “Enrol with the portal…” on this page.</source>
            <translation>This desk is not enrolled with a portal yet, so nothing is sent. An administrator enrols it with “Enrol with the portal…” on this page.</translation>
        </message>
        <message>
            <source>Nothing is waiting to be sent, so no bundle is needed. Items already in an earlier bundle stay out until it is delivered.</source>
            <translation>Nothing is waiting to be sent, so no bundle is needed. Items already in an earlier bundle stay out until it is delivered.</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Refused</translation>
        </message>
        <message>
            <source>Retrying</source>
            <translation>Retrying</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <source>Sync with the central portal</source>
            <translation>Sync with the central portal</translation>
        </message>
        <message>
            <source>Reading the sync state…</source>
            <translation>Reading the sync state…</translation>
        </message>
        <message>
            <source>Waiting to be sent</source>
            <translation>Waiting to be sent</translation>
        </message>
        <message>
            <source>Dossier code</source>
            <translation>Dossier code</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Attempts</source>
            <translation>Attempts</translation>
        </message>
        <message>
            <source>Next attempt</source>
            <translation>Next attempt</translation>
        </message>
        <message>
            <source>Reason (the portal's words)</source>
            <translation>Reason (the portal's words)</translation>
        </message>
        <message>
            <source>Status changes from the portal</source>
            <translation>Status changes from the portal</translation>
        </message>
        <message>
            <source>New status</source>
            <translation>New status</translation>
        </message>
        <message>
            <source>At</source>
            <translation>At</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>&amp;Sync now (F5)</source>
            <translation>&amp;Sync now (F5)</translation>
        </message>
        <message>
            <source>&amp;Retry selected</source>
            <translation>&amp;Retry selected</translation>
        </message>
        <message>
            <source>&amp;Open dossier</source>
            <translation>&amp;Open dossier</translation>
        </message>
        <message>
            <source>Export &amp;USB bundle…</source>
            <translation>Export &amp;USB bundle…</translation>
        </message>
        <message>
            <source>&amp;Enrol with the portal…</source>
            <translation>&amp;Enrol with the portal…</translation>
        </message>
        <message>
            <source>&amp;Metered link: send details only, keep scans for later</source>
            <translation>&amp;Metered link: send details only, keep scans for later</translation>
        </message>
        <message>
            <source>Synced at %1: %2 sent, %3 status changes received.</source>
            <translation>Synced at %1: %2 sent, %3 status changes received.</translation>
        </message>
        <message>
            <source>The portal cannot be reached; the desk will retry by itself.</source>
            <translation>The portal cannot be reached; the desk will retry by itself.</translation>
        </message>
        <message>
            <source>Waiting to be sent: %1</source>
            <translation>Waiting to be sent: %1</translation>
        </message>
        <message>
            <source>refused by the portal: %1</source>
            <translation>refused by the portal: %1</translation>
        </message>
        <message>
            <source>Portal: %1</source>
            <translation>Portal: %1</translation>
        </message>
        <message>
            <source>Last successful sync: %1</source>
            <translation>Last successful sync: %1</translation>
        </message>
        <message>
            <source>Last problem: %1</source>
            <translation>Last problem: %1</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>Syncing…</translation>
        </message>
        <message>
            <source>Choose an item in the list first.</source>
            <translation>Choose an item in the list first.</translation>
        </message>
        <message>
            <source>%1 will be sent again now.</source>
            <translation>%1 will be sent again now.</translation>
        </message>
        <message>
            <source>Export USB bundle</source>
            <translation>Export USB bundle</translation>
        </message>
        <message>
            <source>MotCua bundle (*.mcbundle)</source>
            <translation>MotCua bundle (*.mcbundle)</translation>
        </message>
        <message>
            <source>Writing the bundle…</source>
            <translation>Writing the bundle…</translation>
        </message>
        <message>
            <source>Wrote %1: %2 dossiers, %3 scans. Take it to the portal administrator; the dossiers show as delivered after the next sync that reaches the portal.</source>
            <translation>Wrote %1: %2 dossiers, %3 scans. Take it to the portal administrator; the dossiers show as delivered after the next sync that reaches the portal.</translation>
        </message>
        <message>
            <source>New dossier</source>
            <translation>New dossier</translation>
        </message>
        <message>
            <source>Dossier corrected</source>
            <translation>Dossier corrected</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Event</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>The portal said: %1</source>
            <translation>The portal said: %1</translation>
        </message>
        <message>
            <source>the portal could not be reached (%1); the desk retries by itself.</source>
            <translation>the portal could not be reached (%1); the desk retries by itself.</translation>
        </message>
        <message>
            <source>This is the training store (sample data): it is never synced with the portal and no USB bundle can be made from it.</source>
            <translation>This is the training store (sample data): it is never synced with the portal and no USB bundle can be made from it.</translation>
        </message>
    </context>
    <context>
        <name>ThumbStrip</name>
        <message>
            <source>Page %1</source>
            <translation>Page %1</translation>
        </message>
    </context>
    <context>
        <name>UsersPanel</name>
        <message>
            <source>User name</source>
            <translation>User name</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Full name</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Officials</source>
            <translation>Officials</translation>
        </message>
        <message>
            <source>&amp;Add official…</source>
            <translation>&amp;Add official…</translation>
        </message>
        <message>
            <source>Change r&amp;ole…</source>
            <translation>Change r&amp;ole…</translation>
        </message>
        <message>
            <source>Reset pass&amp;word…</source>
            <translation>Reset pass&amp;word…</translation>
        </message>
        <message>
            <source>&amp;Deactivate…</source>
            <translation>&amp;Deactivate…</translation>
        </message>
        <message>
            <source>Deactivated</source>
            <translation>Deactivated</translation>
        </message>
        <message>
            <source>Active – must choose a new password</source>
            <translation>Active – must choose a new password</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>%1 was added.</source>
            <translation>%1 was added.</translation>
        </message>
        <message>
            <source>%1 is now: %2.</source>
            <translation>%1 is now: %2.</translation>
        </message>
        <message>
            <source>The password of %1 was reset.</source>
            <translation>The password of %1 was reset.</translation>
        </message>
        <message>
            <source>Deactivate official</source>
            <translation>Deactivate official</translation>
        </message>
        <message>
            <source>Deactivate %1? Their key is removed from this desk and they can no longer sign in, until an administrator resets their password.</source>
            <translation>Deactivate %1? Their key is removed from this desk and they can no longer sign in, until an administrator resets their password.</translation>
        </message>
        <message>
            <source>&amp;Deactivate</source>
            <translation>&amp;Deactivate</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>%1 was deactivated.</source>
            <translation>%1 was deactivated.</translation>
        </message>
    </context>
    <context>
        <name>WebcamDialog</name>
        <message>
            <source>Webcam</source>
            <translation>Webcam</translation>
        </message>
        <message>
            <source>Take photo (Space)</source>
            <translation>Take photo (Space)</translation>
        </message>
        <message>
            <source>Use photos</source>
            <translation>Use photos</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Hold the sheet flat in front of the camera, filling the picture.</source>
            <translation>Hold the sheet flat in front of the camera, filling the picture.</translation>
        </message>
        <message>
            <source>No camera was found on this computer. Connect a webcam, or take the photo with a phone and use "Import files / phone photo…".</source>
            <translation>No camera was found on this computer. Connect a webcam, or take the photo with a phone and use "Import files / phone photo…".</translation>
        </message>
        <message>
            <source>%1 photo(s) taken.</source>
            <translation>%1 photo(s) taken.</translation>
        </message>
        <message>
            <source>The camera reported a problem: %1</source>
            <translation>The camera reported a problem: %1</translation>
        </message>
        <message>
            <source>webcam photo %1</source>
            <translation>webcam photo %1</translation>
        </message>
    </context>
    <context>
        <name>accounts</name>
        <message>
            <source>The new password must differ from the current one.</source>
            <translation>The new password must differ from the current one.</translation>
        </message>
        <message>
            <source>Only an administrator may do this.</source>
            <translation>Only an administrator may do this.</translation>
        </message>
        <message>
            <source>At least %1 characters.</source>
            <translation>At least %1 characters.</translation>
        </message>
        <message>
            <source>The two passwords are not the same.</source>
            <translation>The two passwords are not the same.</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>%(username) already exists and is deactivated: reset their password to let them work again.</source>
            <translation>%(username) already exists and is deactivated: reset their password to let them work again.</translation>
        </message>
        <message>
            <source>%(username) is already deactivated.</source>
            <translation>%(username) is already deactivated.</translation>
        </message>
        <message>
            <source>%(username) is the last active administrator. Make another official an administrator first.</source>
            <translation>%(username) is the last active administrator. Make another official an administrator first.</translation>
        </message>
        <message>
            <source>A user name has 3–32 lower-case letters, digits, “.”, “_” or “-”.</source>
            <translation>A user name has 3–32 lower-case letters, digits, “.”, “_” or “-”.</translation>
        </message>
        <message>
            <source>At least %(min) characters.</source>
            <translation>At least %(min) characters.</translation>
        </message>
        <message>
            <source>Choose a role from the list.</source>
            <translation>Choose a role from the list.</translation>
        </message>
        <message>
            <source>Enter the full name.</source>
            <translation>Enter the full name.</translation>
        </message>
        <message>
            <source>The name is longer than %(max) characters.</source>
            <translation>The name is longer than %(max) characters.</translation>
        </message>
        <message>
            <source>The user name %(username) is already taken.</source>
            <translation>The user name %(username) is already taken.</translation>
        </message>
        <message>
            <source>There is no official %(username).</source>
            <translation>There is no official %(username).</translation>
        </message>
        <message>
            <source>The user name %1 is already taken.</source>
            <translation>The user name %1 is already taken.</translation>
        </message>
        <message>
            <source>%1 already exists and is deactivated: reset their password to let them work again.</source>
            <translation>%1 already exists and is deactivated: reset their password to let them work again.</translation>
        </message>
        <message>
            <source>There is no official %1.</source>
            <translation>There is no official %1.</translation>
        </message>
        <message>
            <source>%1 is the last active administrator. Make another official an administrator first.</source>
            <translation>%1 is the last active administrator. Make another official an administrator first.</translation>
        </message>
        <message>
            <source>%1 is already deactivated.</source>
            <translation>%1 is already deactivated.</translation>
        </message>
    </context>
    <context>
        <name>auth</name>
        <message>
            <source>Too many failed attempts. The account is locked for a while.</source>
            <translation>Too many failed attempts. The account is locked for a while.</translation>
        </message>
        <message>
            <source>Too many failed attempts. Try again in %1 min (at %2).</source>
            <translation>Too many failed attempts. Try again in %1 min (at %2).</translation>
        </message>
        <message>
            <source>Wrong user name or password.</source>
            <translation>Wrong user name or password.</translation>
        </message>
        <message>
            <source>This account has been deactivated. Ask an administrator to reset its password to use it again.</source>
            <translation>This account has been deactivated. Ask an administrator to reset its password to use it again.</translation>
        </message>
        <message>
            <source>Wrong password.</source>
            <translation>Wrong password.</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>Invalid input</source>
            <translation>Invalid input</translation>
        </message>
        <message>
            <source>Not found</source>
            <translation>Not found</translation>
        </message>
        <message>
            <source>Sign-in failed</source>
            <translation>Sign-in failed</translation>
        </message>
        <message>
            <source>Account locked</source>
            <translation>Account locked</translation>
        </message>
        <message>
            <source>Not allowed</source>
            <translation>Not allowed</translation>
        </message>
        <message>
            <source>Local store problem</source>
            <translation>Local store problem</translation>
        </message>
        <message>
            <source>No local store</source>
            <translation>No local store</translation>
        </message>
        <message>
            <source>Store already exists</source>
            <translation>Store already exists</translation>
        </message>
        <message>
            <source>Local store damaged</source>
            <translation>Local store damaged</translation>
        </message>
        <message>
            <source>Store from a newer version</source>
            <translation>Store from a newer version</translation>
        </message>
        <message>
            <source>Upgrade failed</source>
            <translation>Upgrade failed</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Error</translation>
        </message>
        <message>
            <source>The operation could not be completed.</source>
            <translation>The operation could not be completed.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>If it happens again, send this file to your administrator: %1</source>
            <translation>If it happens again, send this file to your administrator: %1</translation>
        </message>
        <message>
            <source>MotCua Desk closed unexpectedly last time (the run started at %1). Work that was already saved is safe; an unfinished reception can be continued from its draft.</source>
            <translation>MotCua Desk closed unexpectedly last time (the run started at %1). Work that was already saved is safe; an unfinished reception can be continued from its draft.</translation>
        </message>
        <message>
            <source>The app closed unexpectedly</source>
            <translation>The app closed unexpectedly</translation>
        </message>
    </context>
    <context>
        <name>roles</name>
        <message>
            <source>Administrator</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <source>Receiving official</source>
            <translation>Receiving official</translation>
        </message>
        <message>
            <source>Post-office agent</source>
            <translation>Post-office agent</translation>
        </message>
        <message>
            <source>Community digital team member</source>
            <translation>Community digital team member</translation>
        </message>
        <message>
            <source>Supervisor</source>
            <translation>Supervisor</translation>
        </message>
    </context>
    <context>
        <name>status</name>
        <message>
            <source>under 1 min</source>
            <translation>under 1 min</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 min</translation>
        </message>
        <message>
            <source>%1 h</source>
            <translation>%1 h</translation>
        </message>
        <message>
            <source>%1 days</source>
            <translation>%1 days</translation>
        </message>
        <message>
            <source>Nothing waiting to sync</source>
            <translation>Nothing waiting to sync</translation>
        </message>
        <message>
            <source>Waiting to sync: %1</source>
            <translation>Waiting to sync: %1</translation>
        </message>
        <message>
            <source>oldest: %1</source>
            <translation>oldest: %1</translation>
        </message>
        <message>
            <source>refused: %1</source>
            <translation>refused: %1</translation>
        </message>
        <message>
            <source>Fetching news from the portal…</source>
            <translation>Fetching news from the portal…</translation>
        </message>
        <message>
            <source>Sending %1/%2</source>
            <translation>Sending %1/%2</translation>
        </message>
        <message>
            <source>Not enrolled with the portal</source>
            <translation>Not enrolled with the portal</translation>
        </message>
        <message>
            <source>The portal refused this desk · enrol again</source>
            <translation>The portal refused this desk · enrol again</translation>
        </message>
        <message>
            <source>Connecting to the portal…</source>
            <translation>Connecting to the portal…</translation>
        </message>
        <message>
            <source>Online · portal connected</source>
            <translation>Online · portal connected</translation>
        </message>
        <message>
            <source>Offline · will retry by itself</source>
            <translation>Offline · will retry by itself</translation>
        </message>
        <message>
            <source>News from the portal: %1</source>
            <translation>News from the portal: %1</translation>
        </message>
        <message>
            <source>(and %1 more)</source>
            <translation>(and %1 more)</translation>
        </message>
        <message>
            <source>%1 appointments count over holidays the administrator has not confirmed.</source>
            <translation>%1 appointments count over holidays the administrator has not confirmed.</translation>
        </message>
        <message>
            <source>%1 due soon</source>
            <translation>%1 due soon</translation>
        </message>
        <message>
            <source>%1 on unconfirmed holidays</source>
            <translation>%1 on unconfirmed holidays</translation>
        </message>
        <message>
            <source>%1 overdue</source>
            <translation>%1 overdue</translation>
        </message>
        <message>
            <source>Early warning for the unit: %1 dossiers overdue, %2 due within %3 working days.</source>
            <translation>Early warning for the unit: %1 dossiers overdue, %2 due within %3 working days.</translation>
        </message>
        <message>
            <source>Early warning for your dossiers: %1 overdue, %2 due within %3 working days.</source>
            <translation>Early warning for your dossiers: %1 overdue, %2 due within %3 working days.</translation>
        </message>
        <message>
            <source>Longest overdue: %1.</source>
            <translation>Longest overdue: %1.</translation>
        </message>
    </context>
    <context>
        <name>Problems</name>
        <message>
            <source>The folder %(folder) does not exist on this computer; nothing was saved.</source>
            <translation>The folder %(folder) does not exist on this computer; nothing was saved.</translation>
        </message>
        <message>
            <source>“%(address)” is not a scanner address: write it as 192.168.1.20 or http://scanner.local; nothing was saved.</source>
            <translation>“%(address)” is not a scanner address: write it as 192.168.1.20 or http://scanner.local; nothing was saved.</translation>
        </message>
        <message>
            <source>This desk is not authorised to receive dossiers for unit %(unit); the portal administrator must grant it, then synchronise.</source>
            <translation>This desk is not authorised to receive dossiers for unit %(unit); the portal administrator must grant it, then synchronise.</translation>
        </message>
        <message>
            <source>Form %(form) cannot be printed for dossier %(code): the dossier has not been through the step this form records, or the set of forms in force on the day it was received has no such form (form 07, the register, is made for a date range, not for one dossier).</source>
            <translation>Form %(form) cannot be printed for dossier %(code): the dossier has not been through the step this form records, or the set of forms in force on the day it was received has no such form (form 07, the register, is made for a date range, not for one dossier).</translation>
        </message>
        <message>
            <source>Something entered or chosen is not valid. Check the marked fields and try again.</source>
            <translation>Something entered or chosen is not valid. Check the marked fields and try again.</translation>
        </message>
        <message>
            <source>What was asked for could not be found.</source>
            <translation>What was asked for could not be found.</translation>
        </message>
        <message>
            <source>Signing in did not succeed, or your role does not allow this.</source>
            <translation>Signing in did not succeed, or your role does not allow this.</translation>
        </message>
        <message>
            <source>This account is locked for a while after too many wrong passwords.</source>
            <translation>This account is locked for a while after too many wrong passwords.</translation>
        </message>
        <message>
            <source>Your role does not allow this.</source>
            <translation>Your role does not allow this.</translation>
        </message>
        <message>
            <source>The data on this computer cannot be used right now.</source>
            <translation>The data on this computer cannot be used right now.</translation>
        </message>
        <message>
            <source>The data file on this computer is damaged.</source>
            <translation>The data file on this computer is damaged.</translation>
        </message>
        <message>
            <source>The data on this computer was written by a newer version of MotCua Desk.</source>
            <translation>The data on this computer was written by a newer version of MotCua Desk.</translation>
        </message>
        <message>
            <source>The operation could not be completed. The details are in the log file.</source>
            <translation>The operation could not be completed. The details are in the log file.</translation>
        </message>
        <message>
            <source>%(action) is not an action on a dossier.</source>
            <translation>%(action) is not an action on a dossier.</translation>
        </message>
        <message>
            <source>“%(action)” is not possible for a dossier whose status is “%(status)”; nothing was changed.</source>
            <translation>“%(action)” is not possible for a dossier whose status is “%(status)”; nothing was changed.</translation>
        </message>
        <message>
            <source>Your role does not allow “%(action)”; nothing was changed.</source>
            <translation>Your role does not allow “%(action)”; nothing was changed.</translation>
        </message>
        <message>
            <source>“%(action)” needs the field %(field); fill it in and confirm again.</source>
            <translation>“%(action)” needs the field %(field); fill it in and confirm again.</translation>
        </message>
        <message>
            <source>The field %(field) is not valid; nothing was changed.</source>
            <translation>The field %(field) is not valid; nothing was changed.</translation>
        </message>
        <message>
            <source>The field %(field) is longer than the %(max) characters allowed.</source>
            <translation>The field %(field) is longer than the %(max) characters allowed.</translation>
        </message>
        <message>
            <source>The field %(field) has more than the %(max) entries allowed.</source>
            <translation>The field %(field) has more than the %(max) entries allowed.</translation>
        </message>
        <message>
            <source>The dossier is not late and not due within %(days) working days (appointment %(due)): no apology is needed.</source>
            <translation>The dossier is not late and not due within %(days) working days (appointment %(due)): no apology is needed.</translation>
        </message>
        <message>
            <source>The new appointment %(new_due) must be later than now and than the current appointment %(due).</source>
            <translation>The new appointment %(new_due) must be later than now and than the current appointment %(due).</translation>
        </message>
        <message>
            <source>The fee collected must be a whole amount from 0 to the %(due) VND still due.</source>
            <translation>The fee collected must be a whole amount from 0 to the %(due) VND still due.</translation>
        </message>
        <message>
            <source>There is no dossier %(code) on this desk.</source>
            <translation>There is no dossier %(code) on this desk.</translation>
        </message>
        <message>
            <source>No dossier code was found in what was scanned or typed; scan the QR on the receipt again or type the code.</source>
            <translation>No dossier code was found in what was scanned or typed; scan the QR on the receipt again or type the code.</translation>
        </message>
        <message>
            <source>The personal data of dossier %(code) has been removed; the dossier is closed.</source>
            <translation>The personal data of dossier %(code) has been removed; the dossier is closed.</translation>
        </message>
        <message>
            <source>Dossier %(code) cannot be purged: its result has not been returned (status %(status)).</source>
            <translation>Dossier %(code) cannot be purged: its result has not been returned (status %(status)).</translation>
        </message>
        <message>
            <source>Dossier %(code) cannot be purged: the portal has not confirmed %(waiting) of its changes yet. Synchronise first.</source>
            <translation>Dossier %(code) cannot be purged: the portal has not confirmed %(waiting) of its changes yet. Synchronise first.</translation>
        </message>
        <message>
            <source>Dossier %(code) is kept until %(until) (%(days) days after the return).</source>
            <translation>Dossier %(code) is kept until %(until) (%(days) days after the return).</translation>
        </message>
        <message>
            <source>Not applied: the portal changed dossier %(code) from “%(from)” to “%(to)”, which the process does not allow. Check the dossier with the processing body.</source>
            <translation>Not applied: the portal changed dossier %(code) from “%(from)” to “%(to)”, which the process does not allow. Check the dossier with the processing body.</translation>
        </message>
        <message>
            <source>The period starts on %(start), after it ends on %(end): put the earlier date first.</source>
            <translation>The period starts on %(start), after it ends on %(end): put the earlier date first.</translation>
        </message>
        <message>
            <source>The period spans %(days) days; choose at most %(limit) days at a time.</source>
            <translation>The period spans %(days) days; choose at most %(limit) days at a time.</translation>
        </message>
        <message>
            <source>%(field): “%(value)” is not a date; write it as YYYY-MM-DD.</source>
            <translation>%(field): “%(value)” is not a date; write it as YYYY-MM-DD.</translation>
        </message>
        <message>
            <source>The register can be saved as PDF, Excel (.xlsx) or CSV; “%(name)” is none of them.</source>
            <translation>The register can be saved as PDF, Excel (.xlsx) or CSV; “%(name)” is none of them.</translation>
        </message>
        <message>
            <source>%(value) is not between %(first) and %(last), the years dossiers are kept for.</source>
            <translation>%(value) is not between %(first) and %(last), the years dossiers are kept for.</translation>
        </message>
        <message>
            <source>The reception dates are reversed: from %(from) is after to %(to).</source>
            <translation>The reception dates are reversed: from %(from) is after to %(to).</translation>
        </message>
        <message>
            <source>“%(value)” is not a date; write it as 25/11/2026.</source>
            <translation>“%(value)” is not a date; write it as 25/11/2026.</translation>
        </message>
        <message>
            <source>“%(value)” is not a dossier status.</source>
            <translation>“%(value)” is not a dossier status.</translation>
        </message>
        <message>
            <source>“%(value)” is not a reception channel (desk, post office, community team).</source>
            <translation>“%(value)” is not a reception channel (desk, post office, community team).</translation>
        </message>
        <message>
            <source>“%(value)” is not a sync state (local, waiting, sent, refused).</source>
            <translation>“%(value)” is not a sync state (local, waiting, sent, refused).</translation>
        </message>
        <message>
            <source>“%(value)” is not a due window: choose overdue, today or 1 to %(max) working days.</source>
            <translation>“%(value)” is not a due window: choose overdue, today or 1 to %(max) working days.</translation>
        </message>
        <message>
            <source>The list cannot be sorted by “%(value)”.</source>
            <translation>The list cannot be sorted by “%(value)”.</translation>
        </message>
        <message>
            <source>No procedure with code “%(value)” is in the catalogue.</source>
            <translation>No procedure with code “%(value)” is in the catalogue.</translation>
        </message>
        <message>
            <source>No official with user name “%(value)” works on this desk.</source>
            <translation>No official with user name “%(value)” works on this desk.</translation>
        </message>
        <message>
            <source>The search text is longer than %(max) characters; search for a name, a code or an ID number.</source>
            <translation>The search text is longer than %(max) characters; search for a name, a code or an ID number.</translation>
        </message>
        <message>
            <source>Warning thresholds must be whole numbers of working days from 1 to %(max).</source>
            <translation>Warning thresholds must be whole numbers of working days from 1 to %(max).</translation>
        </message>
    </context>
    <context>
        <name>PdfViewer</name>
        <message>
            <source>%1 page(s)</source>
            <translation>%1 page(s)</translation>
        </message>
        <message>
            <source>%1 — dossier %2</source>
            <translation>%1 — dossier %2</translation>
        </message>
        <message>
            <source>&amp;Print (Ctrl+P)</source>
            <translation>&amp;Print (Ctrl+P)</translation>
        </message>
        <message>
            <source>&amp;Save as PDF (Ctrl+S)</source>
            <translation>&amp;Save as PDF (Ctrl+S)</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <source>Not printed: %1.</source>
            <translation>Not printed: %1.</translation>
        </message>
        <message>
            <source>Not saved: %1</source>
            <translation>Not saved: %1</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>Printing…</source>
            <translation>Printing…</translation>
        </message>
        <message>
            <source>Save as PDF</source>
            <translation>Save as PDF</translation>
        </message>
        <message>
            <source>Saved: %1</source>
            <translation>Saved: %1</translation>
        </message>
        <message>
            <source>Sent to the printer.</source>
            <translation>Sent to the printer.</translation>
        </message>
    </context>
    <context>
        <name>StoreProblems</name>
        <message>
            <source>The backup folder %(folder) is not there (is the USB drive plugged in?). No backup was made; nothing was lost. It is tried again next time.</source>
            <translation>The backup folder %(folder) is not there (is the USB drive plugged in?). No backup was made; nothing was lost. It is tried again next time.</translation>
        </message>
        <message>
            <source>The disk of the backup folder %(folder) is full. No backup was made; nothing was lost. Free some space or choose another folder.</source>
            <translation>The disk of the backup folder %(folder) is full. No backup was made; nothing was lost. Free some space or choose another folder.</translation>
        </message>
        <message>
            <source>The backup folder %(folder) cannot be written (read-only or locked). No backup was made; nothing was lost.</source>
            <translation>The backup folder %(folder) cannot be written (read-only or locked). No backup was made; nothing was lost.</translation>
        </message>
        <message>
            <source>Backing up into %(folder) failed. No backup was made; nothing was lost. It is tried again next time.</source>
            <translation>Backing up into %(folder) failed. No backup was made; nothing was lost. It is tried again next time.</translation>
        </message>
        <message>
            <source>The backup written into %(folder) did not read back whole, so it was not kept and does not count. It is tried again next time.</source>
            <translation>The backup written into %(folder) did not read back whole, so it was not kept and does not count. It is tried again next time.</translation>
        </message>
        <message>
            <source>Backup time: %(value) is not a time of day (HH:MM).</source>
            <translation>Backup time: %(value) is not a time of day (HH:MM).</translation>
        </message>
        <message>
            <source>Keep between %(min) and %(max) backups.</source>
            <translation>Keep between %(min) and %(max) backups.</translation>
        </message>
        <message>
            <source>Backup folder: %(folder) is not a full path (e.g. E:\SaoLuu).</source>
            <translation>Backup folder: %(folder) is not a full path (e.g. E:\SaoLuu).</translation>
        </message>
        <message>
            <source>The backup %(file) was restored, but the full check found %(count) problem(s); ask for support before working on it.</source>
            <translation>The backup %(file) was restored, but the full check found %(count) problem(s); ask for support before working on it.</translation>
        </message>
        <message>
            <source>%(count) scanned page(s) of the backup %(file) are missing or damaged; nothing was restored.</source>
            <translation>%(count) scanned page(s) of the backup %(file) are missing or damaged; nothing was restored.</translation>
        </message>
        <message>
            <source>%(file) could not be written there; choose another folder.</source>
            <translation>%(file) could not be written there; choose another folder.</translation>
        </message>
        <message>
            <source>%(file) could not be written: the disk is full.</source>
            <translation>%(file) could not be written: the disk is full.</translation>
        </message>
        <message>
            <source>%(file) is not a whole MotCua Desk backup, or cannot be read to the end; nothing was restored.</source>
            <translation>%(file) is not a whole MotCua Desk backup, or cannot be read to the end; nothing was restored.</translation>
        </message>
        <message>
            <source>A recovery key has 40 letters and digits (10 groups of 4); %(count) were entered.</source>
            <translation>A recovery key has 40 letters and digits (10 groups of 4); %(count) were entered.</translation>
        </message>
        <message>
            <source>A recovery key holds only the letters A–Z and the digits 2–7.</source>
            <translation>A recovery key holds only the letters A–Z and the digits 2–7.</translation>
        </message>
        <message>
            <source>An administrator set this password: choose a new one to go on.</source>
            <translation>An administrator set this password: choose a new one to go on.</translation>
        </message>
        <message>
            <source>MotCua Desk data already exists here; nothing was changed.</source>
            <translation>MotCua Desk data already exists here; nothing was changed.</translation>
        </message>
        <message>
            <source>The backup %(file) is damaged; nothing was restored. Try an older backup.</source>
            <translation>The backup %(file) is damaged; nothing was restored. Try an older backup.</translation>
        </message>
        <message>
            <source>The backup %(file) no longer exists.</source>
            <translation>The backup %(file) no longer exists.</translation>
        </message>
        <message>
            <source>The data is busy (another window or desk is writing); try again in a moment.</source>
            <translation>The data is busy (another window or desk is writing); try again in a moment.</translation>
        </message>
        <message>
            <source>The data is closed; sign in again.</source>
            <translation>The data is closed; sign in again.</translation>
        </message>
        <message>
            <source>The disk holding %(folder) is full: free some space, then try again. Nothing was lost.</source>
            <translation>The disk holding %(folder) is full: free some space, then try again. Nothing was lost.</translation>
        </message>
        <message>
            <source>The password or recovery key given does not open the backup %(file).</source>
            <translation>The password or recovery key given does not open the backup %(file).</translation>
        </message>
        <message>
            <source>There is no data of MotCua Desk on this computer yet.</source>
            <translation>There is no data of MotCua Desk on this computer yet.</translation>
        </message>
        <message>
            <source>This is not the recovery key of this desk.</source>
            <translation>This is not the recovery key of this desk.</translation>
        </message>
        <message>
            <source>Upgrading the data failed; it was left as it was before the upgrade.</source>
            <translation>Upgrading the data failed; it was left as it was before the upgrade.</translation>
        </message>
    </context>
    <context>
        <name>SyncProblems</name>
        <message>
            <source>The province's catalogue changed %(count) procedure version(s) that dossiers were received under; this desk keeps them as they were.</source>
            <translation>The province's catalogue changed %(count) procedure version(s) that dossiers were received under; this desk keeps them as they were.</translation>
        </message>
        <message>
            <source>A change from the portal (number %(seq)) could not be applied; the details are in the log file.</source>
            <translation>A change from the portal (number %(seq)) could not be applied; the details are in the log file.</translation>
        </message>
        <message>
            <source>A scanned page of dossier %(code) cannot be read; no bundle was written.</source>
            <translation>A scanned page of dossier %(code) cannot be read; no bundle was written.</translation>
        </message>
        <message>
            <source>Enter the one-time token.</source>
            <translation>Enter the one-time token.</translation>
        </message>
        <message>
            <source>Nothing is waiting to be sent, so no bundle was written. Items already in an earlier bundle stay out until it is delivered.</source>
            <translation>Nothing is waiting to be sent, so no bundle was written. Items already in an earlier bundle stay out until it is delivered.</translation>
        </message>
        <message>
            <source>Only an administrator may enrol this desk.</source>
            <translation>Only an administrator may enrol this desk.</translation>
        </message>
        <message>
            <source>The dossier numbers the portal gave for unit %(unit) cannot be used; the details are in the log file.</source>
            <translation>The dossier numbers the portal gave for unit %(unit) cannot be used; the details are in the log file.</translation>
        </message>
        <message>
            <source>The dossier's data is not valid in the field %(field); it cannot be sent as it is.</source>
            <translation>The dossier's data is not valid in the field %(field); it cannot be sent as it is.</translation>
        </message>
        <message>
            <source>The portal %(portal) cannot be reached; nothing changed. Check the address and the network, then try again with the same token.</source>
            <translation>The portal %(portal) cannot be reached; nothing changed. Check the address and the network, then try again with the same token.</translation>
        </message>
        <message>
            <source>The portal address %(url) must start with https:// (plain http:// is only for this computer itself).</source>
            <translation>The portal address %(url) must start with https:// (plain http:// is only for this computer itself).</translation>
        </message>
        <message>
            <source>The portal answered with a problem; the details are in the log file.</source>
            <translation>The portal answered with a problem; the details are in the log file.</translation>
        </message>
        <message>
            <source>The portal cannot be reached; nothing changed.</source>
            <translation>The portal cannot be reached; nothing changed.</translation>
        </message>
        <message>
            <source>The portal cannot be reached; the desk retries by itself.</source>
            <translation>The portal cannot be reached; the desk retries by itself.</translation>
        </message>
        <message>
            <source>The portal did not keep this desk's audit record (HTTP %(status)); the desk tries again at the next sync.</source>
            <translation>The portal did not keep this desk's audit record (HTTP %(status)); the desk tries again at the next sync.</translation>
        </message>
        <message>
            <source>The portal did not say which units this desk serves (HTTP %(status)); the desk tries again at the next sync.</source>
            <translation>The portal did not say which units this desk serves (HTTP %(status)); the desk tries again at the next sync.</translation>
        </message>
        <message>
            <source>The portal did not send its news (HTTP %(status)); the desk tries again at the next sync.</source>
            <translation>The portal did not send its news (HTTP %(status)); the desk tries again at the next sync.</translation>
        </message>
        <message>
            <source>The portal gave no dossier numbers for unit %(unit): %(reason)</source>
            <translation>The portal gave no dossier numbers for unit %(unit): %(reason)</translation>
        </message>
        <message>
            <source>The portal has already accepted this item; there is nothing to retry.</source>
            <translation>The portal has already accepted this item; there is nothing to retry.</translation>
        </message>
        <message>
            <source>The portal is busy or had an error (HTTP %(status)); the desk retries by itself.</source>
            <translation>The portal is busy or had an error (HTTP %(status)); the desk retries by itself.</translation>
        </message>
        <message>
            <source>The portal refused the enrolment (%(reason)); nothing changed.</source>
            <translation>The portal refused the enrolment (%(reason)); nothing changed.</translation>
        </message>
        <message>
            <source>The portal refused the token (%(reason)). Ask the portal administrator for a new one-time token.</source>
            <translation>The portal refused the token (%(reason)). Ask the portal administrator for a new one-time token.</translation>
        </message>
        <message>
            <source>The portal refused this desk's credentials (%(reason)); an administrator must enrol the desk again.</source>
            <translation>The portal refused this desk's credentials (%(reason)); an administrator must enrol the desk again.</translation>
        </message>
        <message>
            <source>The portal's answer to the enrolment was malformed; nothing changed. Try again with the same token.</source>
            <translation>The portal's answer to the enrolment was malformed; nothing changed. Try again with the same token.</translation>
        </message>
        <message>
            <source>The portal's answer was malformed; the desk tries again at the next sync. The details are in the log file.</source>
            <translation>The portal's answer was malformed; the desk tries again at the next sync. The details are in the log file.</translation>
        </message>
        <message>
            <source>The portal's record of this desk's audit log does not match it: the log may have been altered. Tell the administrator.</source>
            <translation>The portal's record of this desk's audit log does not match it: the log may have been altered. Tell the administrator.</translation>
        </message>
        <message>
            <source>The scanned page %(page)… cannot be read on this computer; open the dossier and capture the page again.</source>
            <translation>The scanned page %(page)… cannot be read on this computer; open the dossier and capture the page again.</translation>
        </message>
        <message>
            <source>The token enrols a desk of unit %(token_unit), but this desk serves %(desk_unit); ask for a token of the right unit.</source>
            <translation>The token enrols a desk of unit %(token_unit), but this desk serves %(desk_unit); ask for a token of the right unit.</translation>
        </message>
        <message>
            <source>This desk is not enrolled with a portal yet, so nothing is sent. An administrator enrols it on the Sync page.</source>
            <translation>This desk is not enrolled with a portal yet, so nothing is sent. An administrator enrols it on the Sync page.</translation>
        </message>
        <message>
            <source>This item is no longer in the queue.</source>
            <translation>This item is no longer in the queue.</translation>
        </message>
        <message>
            <source>This version cannot send a change of the kind %(kind).</source>
            <translation>This version cannot send a change of the kind %(kind).</translation>
        </message>
        <message>
            <source>“%(url)” is not a portal address; write it like https://dichvucong.example.gov.vn.</source>
            <translation>“%(url)” is not a portal address; write it like https://dichvucong.example.gov.vn.</translation>
        </message>
        <message>
            <source>This is the training store (sample data): it is never sent to the portal, by sync, enrolment or USB bundle.</source>
            <translation>This is the training store (sample data): it is never sent to the portal, by sync, enrolment or USB bundle.</translation>
        </message>
        <message>
            <source>The training folder holds a store that is not a training store; it was not touched. Ask your administrator.</source>
            <translation>The training folder holds a store that is not a training store; it was not touched. Ask your administrator.</translation>
        </message>
    </context>
    <context>
        <name>Statuses</name>
        <message>
            <source>Newly received</source>
            <translation>Newly received</translation>
        </message>
        <message>
            <source>Refused at reception</source>
            <translation>Refused at reception</translation>
        </message>
        <message>
            <source>Being processed</source>
            <translation>Being processed</translation>
        </message>
        <message>
            <source>Waiting for more documents</source>
            <translation>Waiting for more documents</translation>
        </message>
        <message>
            <source>Waiting for fees or taxes to be paid</source>
            <translation>Waiting for fees or taxes to be paid</translation>
        </message>
        <message>
            <source>Withdrawn by the citizen</source>
            <translation>Withdrawn by the citizen</translation>
        </message>
        <message>
            <source>Processing stopped</source>
            <translation>Processing stopped</translation>
        </message>
        <message>
            <source>Result ready to be returned</source>
            <translation>Result ready to be returned</translation>
        </message>
        <message>
            <source>Result returned</source>
            <translation>Result returned</translation>
        </message>
        <message>
            <source>Original</source>
            <translation>Original</translation>
        </message>
        <message>
            <source>Certified copy</source>
            <translation>Certified copy</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Copy</translation>
        </message>
    </context>
    <context>
        <name>TimeRules</name>
        <message>
            <source>%1:%2</source>
            <translation>%1:%2</translation>
        </message>
        <message>
            <source>%1:00</source>
            <translation>%1:00</translation>
        </message>
        <message>
            <source>Same day</source>
            <translation>Same day</translation>
        </message>
        <message>
            <source>(received after %1: the next working day)</source>
            <translation>(received after %1: the next working day)</translation>
        </message>
        <message>
            <source>%1 working day(s)</source>
            <translation>%1 working day(s)</translation>
        </message>
        <message>
            <source>%1 day(s)</source>
            <translation>%1 day(s)</translation>
        </message>
        <message>
            <source>%1 working hour(s)</source>
            <translation>%1 working hour(s)</translation>
        </message>
        <message>
            <source>(received after %1: counted from the next working day)</source>
            <translation>(received after %1: counted from the next working day)</translation>
        </message>
    </context>
    <context>
        <name>Weekdays</name>
        <message>
            <source>Monday</source>
            <translation>Monday</translation>
        </message>
        <message>
            <source>Tuesday</source>
            <translation>Tuesday</translation>
        </message>
        <message>
            <source>Wednesday</source>
            <translation>Wednesday</translation>
        </message>
        <message>
            <source>Thursday</source>
            <translation>Thursday</translation>
        </message>
        <message>
            <source>Friday</source>
            <translation>Friday</translation>
        </message>
        <message>
            <source>Saturday</source>
            <translation>Saturday</translation>
        </message>
        <message>
            <source>Sunday</source>
            <translation>Sunday</translation>
        </message>
    </context>
    <context>
        <name>ActionDialog</name>
        <message>
            <source>%1 — dossier %2</source>
            <translation>%1 — dossier %2</translation>
        </message>
        <message>
            <source>e.g. Civil status officer</source>
            <translation>e.g. Civil status officer</translation>
        </message>
        <message>
            <source>empty: the body it was handed over to</source>
            <translation>empty: the body it was handed over to</translation>
        </message>
        <message>
            <source>Processing &amp;body:</source>
            <translation>Processing &amp;body:</translation>
        </message>
        <message>
            <source>One document or piece of information per line</source>
            <translation>One document or piece of information per line</translation>
        </message>
        <message>
            <source>&amp;Items to complete:</source>
            <translation>&amp;Items to complete:</translation>
        </message>
        <message>
            <source>&amp;New appointment:</source>
            <translation>&amp;New appointment:</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Reason:</translation>
        </message>
        <message>
            <source>N&amp;ote:</source>
            <translation>N&amp;ote:</translation>
        </message>
        <message>
            <source>&amp;Confirm (Ctrl+Enter)</source>
            <translation>&amp;Confirm (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>AuditDialog</name>
        <message>
            <source>Dossier received</source>
            <translation>Dossier received</translation>
        </message>
        <message>
            <source>Personal data removed after the retention period</source>
            <translation>Personal data removed after the retention period</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>Audit log</translation>
        </message>
        <message>
            <source>Dossier code</source>
            <translation>Dossier code</translation>
        </message>
        <message>
            <source>Official's user name</source>
            <translation>Official's user name</translation>
        </message>
        <message>
            <source>&amp;Show</source>
            <translation>&amp;Show</translation>
        </message>
        <message>
            <source>&amp;Dossier:</source>
            <translation>&amp;Dossier:</translation>
        </message>
        <message>
            <source>&amp;Official:</source>
            <translation>&amp;Official:</translation>
        </message>
        <message>
            <source>&amp;From:</source>
            <translation>&amp;From:</translation>
        </message>
        <message>
            <source>&amp;To:</source>
            <translation>&amp;To:</translation>
        </message>
        <message>
            <source>At</source>
            <translation>At</translation>
        </message>
        <message>
            <source>Official</source>
            <translation>Official</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Event</translation>
        </message>
        <message>
            <source>Dossier</source>
            <translation>Dossier</translation>
        </message>
        <message>
            <source>No audit events match.</source>
            <translation>No audit events match.</translation>
        </message>
    </context>
    <context>
        <name>Lifecycle</name>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Items to complete</source>
            <translation>Items to complete</translation>
        </message>
        <message>
            <source>Processing body</source>
            <translation>Processing body</translation>
        </message>
        <message>
            <source>New appointment</source>
            <translation>New appointment</translation>
        </message>
        <message>
            <source>Representative's name</source>
            <translation>Representative's name</translation>
        </message>
        <message>
            <source>Representative's ID number</source>
            <translation>Representative's ID number</translation>
        </message>
        <message>
            <source>Postal tracking number</source>
            <translation>Postal tracking number</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Number of documents</source>
            <translation>Number of documents</translation>
        </message>
        <message>
            <source>Received by</source>
            <translation>Received by</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>In process</source>
            <translation>In process</translation>
        </message>
        <message>
            <source>Waiting for supplements</source>
            <translation>Waiting for supplements</translation>
        </message>
        <message>
            <source>Waiting for fees and taxes</source>
            <translation>Waiting for fees and taxes</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Refused</translation>
        </message>
        <message>
            <source>Withdrawn by the applicant</source>
            <translation>Withdrawn by the applicant</translation>
        </message>
        <message>
            <source>Processing stopped</source>
            <translation>Processing stopped</translation>
        </message>
        <message>
            <source>Result ready, to be returned</source>
            <translation>Result ready, to be returned</translation>
        </message>
        <message>
            <source>Result returned</source>
            <translation>Result returned</translation>
        </message>
        <message>
            <source>Hand over to the processing body</source>
            <translation>Hand over to the processing body</translation>
        </message>
        <message>
            <source>Receive back from the processing body</source>
            <translation>Receive back from the processing body</translation>
        </message>
        <message>
            <source>Request supplements</source>
            <translation>Request supplements</translation>
        </message>
        <message>
            <source>Supplements received</source>
            <translation>Supplements received</translation>
        </message>
        <message>
            <source>Refuse</source>
            <translation>Refuse</translation>
        </message>
        <message>
            <source>Apologise and set a new appointment</source>
            <translation>Apologise and set a new appointment</translation>
        </message>
        <message>
            <source>Stop processing</source>
            <translation>Stop processing</translation>
        </message>
        <message>
            <source>Result ready</source>
            <translation>Result ready</translation>
        </message>
        <message>
            <source>Return the result</source>
            <translation>Return the result</translation>
        </message>
        <message>
            <source>Withdraw at the applicant's request</source>
            <translation>Withdraw at the applicant's request</translation>
        </message>
        <message>
            <source>Change from the portal</source>
            <translation>Change from the portal</translation>
        </message>
    </context>
    <context>
        <name>ReturnDialog</name>
        <message>
            <source>Return the result</source>
            <translation>Return the result</translation>
        </message>
        <message>
            <source>Scan the QR on the receipt, or type the dossier code, then Enter</source>
            <translation>Scan the QR on the receipt, or type the dossier code, then Enter</translation>
        </message>
        <message>
            <source>&amp;Dossier:</source>
            <translation>&amp;Dossier:</translation>
        </message>
        <message>
            <source>No dossier chosen yet.</source>
            <translation>No dossier chosen yet.</translation>
        </message>
        <message>
            <source>The applicant in person</source>
            <translation>The applicant in person</translation>
        </message>
        <message>
            <source>A representative (name and ID number)</source>
            <translation>A representative (name and ID number)</translation>
        </message>
        <message>
            <source>By post (tracking number)</source>
            <translation>By post (tracking number)</translation>
        </message>
        <message>
            <source>&amp;Received by:</source>
            <translation>&amp;Received by:</translation>
        </message>
        <message>
            <source>Representative's &amp;name:</source>
            <translation>Representative's &amp;name:</translation>
        </message>
        <message>
            <source>Representative's &amp;ID number:</source>
            <translation>Representative's &amp;ID number:</translation>
        </message>
        <message>
            <source>Postal &amp;tracking number:</source>
            <translation>Postal &amp;tracking number:</translation>
        </message>
        <message>
            <source>&amp;Fee collected now:</source>
            <translation>&amp;Fee collected now:</translation>
        </message>
        <message>
            <source>N&amp;ote:</source>
            <translation>N&amp;ote:</translation>
        </message>
        <message>
            <source>Record the return (Ctrl+Enter)</source>
            <translation>Record the return (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Applicant: %1</source>
            <translation>Applicant: %1</translation>
        </message>
        <message>
            <source>Appointment: %1</source>
            <translation>Appointment: %1</translation>
        </message>
        <message>
            <source>Fee still due: %1</source>
            <translation>Fee still due: %1</translation>
        </message>
        <message>
            <source>The applicant asked for the result by post: %1</source>
            <translation>The applicant asked for the result by post: %1</translation>
        </message>
        <message>
            <source>This dossier has no result waiting to be returned (status: %1).</source>
            <translation>This dossier has no result waiting to be returned (status: %1).</translation>
        </message>
        <message>
            <source>Returned: %1. Scan the next receipt.</source>
            <translation>Returned: %1. Scan the next receipt.</translation>
        </message>
    </context>
    <context>
        <name>ReportDocument</name>
        <message>
            <source>From %1 to %2</source>
            <translation>From %1 to %2</translation>
        </message>
        <message>
            <source>REPORT ON RECEIVING DOSSIERS AND RETURNING RESULTS</source>
            <translation>REPORT ON RECEIVING DOSSIERS AND RETURNING RESULTS</translation>
        </message>
        <message>
            <source>Dossiers received</source>
            <translation>Dossiers received</translation>
        </message>
        <message>
            <source>Results returned</source>
            <translation>Results returned</translation>
        </message>
        <message>
            <source>Returned on time</source>
            <translation>Returned on time</translation>
        </message>
        <message>
            <source>Returned late</source>
            <translation>Returned late</translation>
        </message>
        <message>
            <source>Returned by post</source>
            <translation>Returned by post</translation>
        </message>
        <message>
            <source>Overdue, still being processed</source>
            <translation>Overdue, still being processed</translation>
        </message>
        <message>
            <source>Not yet accepted by the portal</source>
            <translation>Not yet accepted by the portal</translation>
        </message>
        <message>
            <source>Figure</source>
            <translation>Figure</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>By status</source>
            <translation>By status</translation>
        </message>
        <message>
            <source>By channel</source>
            <translation>By channel</translation>
        </message>
        <message>
            <source>By procedure</source>
            <translation>By procedure</translation>
        </message>
        <message>
            <source>By official</source>
            <translation>By official</translation>
        </message>
        <message>
            <source>Dossiers</source>
            <translation>Dossiers</translation>
        </message>
        <message>
            <source>None</source>
            <translation>None</translation>
        </message>
        <message>
            <source>Made %1.</source>
            <translation>Made %1.</translation>
        </message>
        <message>
            <source>Report on dossiers</source>
            <translation>Report on dossiers</translation>
        </message>
    </context>
    <context>
        <name>ReportWords</name>
        <message>
            <source>No citizen answered the survey in this period.</source>
            <translation>No citizen answered the survey in this period.</translation>
        </message>
        <message>
            <source>%1 answers; average %2 / 5 overall</source>
            <translation>%1 answers; average %2 / 5 overall</translation>
        </message>
        <message>
            <source>Newly received</source>
            <translation>Newly received</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Refused</translation>
        </message>
        <message>
            <source>Being processed</source>
            <translation>Being processed</translation>
        </message>
        <message>
            <source>Waiting for supplements</source>
            <translation>Waiting for supplements</translation>
        </message>
        <message>
            <source>Waiting for fees and taxes</source>
            <translation>Waiting for fees and taxes</translation>
        </message>
        <message>
            <source>Withdrawn by the applicant</source>
            <translation>Withdrawn by the applicant</translation>
        </message>
        <message>
            <source>Processing stopped</source>
            <translation>Processing stopped</translation>
        </message>
        <message>
            <source>Result ready, not yet returned</source>
            <translation>Result ready, not yet returned</translation>
        </message>
        <message>
            <source>Result returned</source>
            <translation>Result returned</translation>
        </message>
        <message>
            <source>At the desk</source>
            <translation>At the desk</translation>
        </message>
        <message>
            <source>Through a post office</source>
            <translation>Through a post office</translation>
        </message>
        <message>
            <source>Through the community digital team</source>
            <translation>Through the community digital team</translation>
        </message>
        <message>
            <source>new dossier</source>
            <translation>new dossier</translation>
        </message>
        <message>
            <source>dossier change</source>
            <translation>dossier change</translation>
        </message>
        <message>
            <source>dossier step</source>
            <translation>dossier step</translation>
        </message>
        <message>
            <source>status change</source>
            <translation>status change</translation>
        </message>
        <message>
            <source>%1 on time, %2 late</source>
            <translation>%1 on time, %2 late</translation>
        </message>
        <message>
            <source>No result was returned in this period.</source>
            <translation>No result was returned in this period.</translation>
        </message>
        <message>
            <source>of the %1 results returned in the period</source>
            <translation>of the %1 results returned in the period</translation>
        </message>
        <message>
            <source>Everything has reached the portal.</source>
            <translation>Everything has reached the portal.</translation>
        </message>
        <message>
            <source>Oldest: %1 %2, waiting since %3</source>
            <translation>Oldest: %1 %2, waiting since %3</translation>
        </message>
        <message>
            <source>(refused by the portal: see the Sync page)</source>
            <translation>(refused by the portal: see the Sync page)</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>Returned</source>
            <translation>Returned</translation>
        </message>
    </context>
    <context>
        <name>DossierList</name>
        <message>
            <source>Applicant</source>
            <translation>Applicant</translation>
        </message>
        <message>
            <source>Appointment</source>
            <translation>Appointment</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>Delivered</translation>
        </message>
        <message>
            <source>Dossier code</source>
            <translation>Dossier code</translation>
        </message>
        <message>
            <source>Due soon</source>
            <translation>Due soon</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>ID number</translation>
        </message>
        <message>
            <source>In process</source>
            <translation>In process</translation>
        </message>
        <message>
            <source>Local</source>
            <translation>Local</translation>
        </message>
        <message>
            <source>Newly received</source>
            <translation>Newly received</translation>
        </message>
        <message>
            <source>On time</source>
            <translation>On time</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>Procedure</source>
            <translation>Procedure</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Refused</translation>
        </message>
        <message>
            <source>Result ready</source>
            <translation>Result ready</translation>
        </message>
        <message>
            <source>Result returned</source>
            <translation>Result returned</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>Stopped</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Sync</translation>
        </message>
        <message>
            <source>The appointment counts over a holiday the administrator has not confirmed yet.</source>
            <translation>The appointment counts over a holiday the administrator has not confirmed yet.</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <source>Waiting for payment</source>
            <translation>Waiting for payment</translation>
        </message>
        <message>
            <source>Waiting for supplements</source>
            <translation>Waiting for supplements</translation>
        </message>
        <message>
            <source>Withdrawn</source>
            <translation>Withdrawn</translation>
        </message>
    </context>
    <context>
        <name>CalendarPanel</name>
        <message>
            <source>Each year's days off and make-up working days. An estimated year comes from the built-in holiday list; appointments counted over its holidays are marked * until the province confirms the year.</source>
            <translation>Each year's days off and make-up working days. An estimated year comes from the built-in holiday list; appointments counted over its holidays are marked * until the province confirms the year.</translation>
        </message>
        <message>
            <source>%1 days off, %2 make-up days</source>
            <translation>%1 days off, %2 make-up days</translation>
        </message>
        <message>
            <source>%1: estimated, not confirmed</source>
            <translation>%1: estimated, not confirmed</translation>
        </message>
        <message>
            <source>the province's portal</source>
            <translation>the province's portal</translation>
        </message>
        <message>
            <source>this desk's administrator</source>
            <translation>this desk's administrator</translation>
        </message>
        <message>
            <source>%1: confirmed by decision %2 (%3)</source>
            <translation>%1: confirmed by decision %2 (%3)</translation>
        </message>
        <message>
            <source>No calendar years.</source>
            <translation>No calendar years.</translation>
        </message>
    </context>
    <context>
        <name>BackupPanel</name>
        <message>
            <source>A backup is being made; restore when it is done.</source>
            <translation>A backup is being made; restore when it is done.</translation>
        </message>
        <message>
            <source>e.g. E:\SaoLuu (a USB drive)</source>
            <translation>e.g. E:\SaoLuu (a USB drive)</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>Back up &amp;into the folder:</source>
            <translation>Back up &amp;into the folder:</translation>
        </message>
        <message>
            <source>Every day &amp;at:</source>
            <translation>Every day &amp;at:</translation>
        </message>
        <message>
            <source>&amp;Keep the newest:</source>
            <translation>&amp;Keep the newest:</translation>
        </message>
        <message>
            <source>Backups are encrypted: they open only with a password of that day or the recovery key. When the desk is off at the time, the backup is made when it next starts.</source>
            <translation>Backups are encrypted: they open only with a password of that day or the recovery key. When the desk is off at the time, the backup is made when it next starts.</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Back up &amp;now</source>
            <translation>Back up &amp;now</translation>
        </message>
        <message>
            <source>Made at</source>
            <translation>Made at</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Size</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>Check</translation>
        </message>
        <message>
            <source>&amp;Restore the chosen backup…</source>
            <translation>&amp;Restore the chosen backup…</translation>
        </message>
        <message>
            <source>Restore from a &amp;file…</source>
            <translation>Restore from a &amp;file…</translation>
        </message>
        <message>
            <source>Whole</source>
            <translation>Whole</translation>
        </message>
        <message>
            <source>Unreadable: not a whole backup</source>
            <translation>Unreadable: not a whole backup</translation>
        </message>
        <message>
            <source>Settings saved.</source>
            <translation>Settings saved.</translation>
        </message>
        <message>
            <source>Choose the folder to back up into first.</source>
            <translation>Choose the folder to back up into first.</translation>
        </message>
        <message>
            <source>Backing up…</source>
            <translation>Backing up…</translation>
        </message>
        <message>
            <source>No backup has been made into a folder yet.</source>
            <translation>No backup has been made into a folder yet.</translation>
        </message>
        <message>
            <source>Last good backup: %1</source>
            <translation>Last good backup: %1</translation>
        </message>
        <message>
            <source>The last attempt failed: %1</source>
            <translation>The last attempt failed: %1</translation>
        </message>
        <message>
            <source>Folder for the backups</source>
            <translation>Folder for the backups</translation>
        </message>
        <message>
            <source>Choose a backup in the list first.</source>
            <translation>Choose a backup in the list first.</translation>
        </message>
        <message>
            <source>Backup to restore</source>
            <translation>Backup to restore</translation>
        </message>
        <message>
            <source>MotCua Desk backups (*.zip)</source>
            <translation>MotCua Desk backups (*.zip)</translation>
        </message>
        <message>
            <source>Nothing was restored.</source>
            <translation>Nothing was restored.</translation>
        </message>
        <message>
            <source>This desk has %1 change(s) made after this backup, and %2 change(s) not yet sent to the portal. Restoring puts the desk back as it was at the backup: that work is set aside (kept in the damaged folder, not on the desk). Restore anyway?</source>
            <translation>This desk has %1 change(s) made after this backup, and %2 change(s) not yet sent to the portal. Restoring puts the desk back as it was at the backup: that work is set aside (kept in the damaged folder, not on the desk). Restore anyway?</translation>
        </message>
        <message>
            <source>Restore a backup</source>
            <translation>Restore a backup</translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <source>Restore a backup</source>
            <translation>Restore a backup</translation>
        </message>
        <message>
            <source>Backup: %1</source>
            <translation>Backup: %1</translation>
        </message>
        <message>
            <source>With an official's password</source>
            <translation>With an official's password</translation>
        </message>
        <message>
            <source>With the recovery key</source>
            <translation>With the recovery key</translation>
        </message>
        <message>
            <source>User name:</source>
            <translation>User name:</translation>
        </message>
        <message>
            <source>Password:</source>
            <translation>Password:</translation>
        </message>
        <message>
            <source>Check and restore</source>
            <translation>Check and restore</translation>
        </message>
        <message>
            <source>Enter the user name and password.</source>
            <translation>Enter the user name and password.</translation>
        </message>
    </context>
    <context>
        <name>backup</name>
        <message>
            <source>No backup yet</source>
            <translation>No backup yet</translation>
        </message>
        <message>
            <source>Last backup %1 days ago</source>
            <translation>Last backup %1 days ago</translation>
        </message>
        <message>
            <source>Open Settings › Backups to back up now.</source>
            <translation>Open Settings › Backups to back up now.</translation>
        </message>
    </context>
    <context>
        <name>TrainingBanner</name>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Training mode: sample data only, never sent to the portal. Accounts %1 and %2, password %3.</source>
            <translation>Training mode: sample data only, never sent to the portal. Accounts %1 and %2, password %3.</translation>
        </message>
        <message>
            <source>&amp;Reset the training data…</source>
            <translation>&amp;Reset the training data…</translation>
        </message>
        <message>
            <source>Reset the training data</source>
            <translation>Reset the training data</translation>
        </message>
        <message>
            <source>Delete everything done in training mode and start again with fresh sample data? The real store is not touched.</source>
            <translation>Delete everything done in training mode and start again with fresh sample data? The real store is not touched.</translation>
        </message>
        <message>
            <source>&amp;Reset</source>
            <translation>&amp;Reset</translation>
        </message>
    </context>
    <context>
        <name>SetupChecklist</name>
        <message>
            <source>Scanner</source>
            <translation>Scanner</translation>
        </message>
        <message>
            <source>Calendar</source>
            <translation>Calendar</translation>
        </message>
        <message>
            <source>What this desk still needs before it is fully ready. Each line says what is missing; its button takes you where to set it.</source>
            <translation>What this desk still needs before it is fully ready. Each line says what is missing; its button takes you where to set it.</translation>
        </message>
        <message>
            <source>Printer</source>
            <translation>Printer</translation>
        </message>
        <message>
            <source>Portal</source>
            <translation>Portal</translation>
        </message>
        <message>
            <source>Backups folder</source>
            <translation>Backups folder</translation>
        </message>
        <message>
            <source>Printer settings…</source>
            <translation>Printer settings…</translation>
        </message>
        <message>
            <source>Set up scanners</source>
            <translation>Set up scanners</translation>
        </message>
        <message>
            <source>Enrol…</source>
            <translation>Enrol…</translation>
        </message>
        <message>
            <source>See the calendar</source>
            <translation>See the calendar</translation>
        </message>
        <message>
            <source>Choose the folder</source>
            <translation>Choose the folder</translation>
        </message>
        <message>
            <source>Check &amp;again</source>
            <translation>Check &amp;again</translation>
        </message>
        <message>
            <source>✔ Done</source>
            <translation>✔ Done</translation>
        </message>
        <message>
            <source>✘ To do</source>
            <translation>✘ To do</translation>
        </message>
        <message>
            <source>Default printer: %1</source>
            <translation>Default printer: %1</translation>
        </message>
        <message>
            <source>No default printer: receipts cannot be printed directly.</source>
            <translation>No default printer: receipts cannot be printed directly.</translation>
        </message>
        <message>
            <source>A scanner is set up or was used at reception.</source>
            <translation>A scanner is set up or was used at reception.</translation>
        </message>
        <message>
            <source>No scanner set up yet: add a network scanner or a scan folder.</source>
            <translation>No scanner set up yet: add a network scanner or a scan folder.</translation>
        </message>
        <message>
            <source>Enrolled with %1</source>
            <translation>Enrolled with %1</translation>
        </message>
        <message>
            <source>Not enrolled: dossiers are not sent to the portal.</source>
            <translation>Not enrolled: dossiers are not sent to the portal.</translation>
        </message>
        <message>
            <source>The calendar of the years in use is confirmed.</source>
            <translation>The calendar of the years in use is confirmed.</translation>
        </message>
        <message>
            <source>Still estimated: %1. Time limits over its holidays are marked *.</source>
            <translation>Still estimated: %1. Time limits over its holidays are marked *.</translation>
        </message>
        <message>
            <source>Backups go to %1</source>
            <translation>Backups go to %1</translation>
        </message>
        <message>
            <source>No backups folder chosen yet.</source>
            <translation>No backups folder chosen yet.</translation>
        </message>
    </context>
</TS>
