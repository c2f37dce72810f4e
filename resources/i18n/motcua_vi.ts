<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
    <context>
        <name>AddUserDialog</name>
        <message>
            <source>Add an official</source>
            <translation>Thêm cán bộ</translation>
        </message>
        <message>
            <source>&amp;User name:</source>
            <translation>&amp;Tên đăng nhập:</translation>
        </message>
        <message>
            <source>&amp;Full name:</source>
            <translation>&amp;Họ và tên:</translation>
        </message>
        <message>
            <source>R&amp;ole:</source>
            <translation>&amp;Vai trò:</translation>
        </message>
        <message>
            <source>First &amp;password:</source>
            <translation>&amp;Mật khẩu ban đầu:</translation>
        </message>
        <message>
            <source>&amp;Repeat password:</source>
            <translation>&amp;Nhập lại mật khẩu:</translation>
        </message>
        <message>
            <source>The official chooses their own password the first time they sign in.</source>
            <translation>Cán bộ sẽ tự chọn mật khẩu riêng khi đăng nhập lần đầu.</translation>
        </message>
        <message>
            <source>3–32 characters: lower-case letters without accents, digits, '.', '_' or '-'.</source>
            <translation>3–32 ký tự: chữ thường không dấu, chữ số, '.', '_' hoặc '-'.</translation>
        </message>
        <message>
            <source>Enter the official's full name.</source>
            <translation>Hãy nhập họ và tên của cán bộ.</translation>
        </message>
    </context>
    <context>
        <name>ApplicantSection</name>
        <message>
            <source>2. Applicant</source>
            <translation>2. Người nộp hồ sơ</translation>
        </message>
        <message>
            <source>Read QR from image/PDF…</source>
            <translation>Đọc QR từ ảnh/PDF…</translation>
        </message>
        <message>
            <source>Read QR from webcam</source>
            <translation>Đọc QR từ webcam</translation>
        </message>
        <message>
            <source>Scan the chip ID card's QR into any field.</source>
            <translation>Quét mã QR trên thẻ căn cước vào ô bất kỳ.</translation>
        </message>
        <message>
            <source>No camera found on this computer.</source>
            <translation>Máy tính này không có camera.</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>Số định danh cá nhân</translation>
        </message>
        <message>
            <source>Old ID number</source>
            <translation>Số CMND cũ</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Ngày sinh</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Địa chỉ</translation>
        </message>
        <message>
            <source>ID issue date</source>
            <translation>Ngày cấp</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Điện thoại</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>Thư điện tử</translation>
        </message>
        <message>
            <source>dd/mm/yyyy</source>
            <translation>ngày/tháng/năm</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Giới tính</translation>
        </message>
        <message>
            <source>Authorised representative submits</source>
            <translation>Người được ủy quyền nộp thay</translation>
        </message>
        <message>
            <source>Authorisation (e.g. power of attorney no. …)</source>
            <translation>Giấy tờ ủy quyền (ví dụ: văn bản ủy quyền số …)</translation>
        </message>
        <message>
            <source>The ID card QR could not be used: %1. Nothing was changed.</source>
            <translation>Không dùng được mã QR của thẻ căn cước: %1. Không có gì bị thay đổi.</translation>
        </message>
        <message>
            <source>Filled from the ID card QR.</source>
            <translation>Đã điền từ mã QR của thẻ căn cước.</translation>
        </message>
        <message>
            <source>Returning applicant: stored details reused (%1).</source>
            <translation>Người nộp đã từng nộp hồ sơ: đã dùng lại thông tin đã lưu (%1).</translation>
        </message>
        <message>
            <source>Type the date as dd/mm/yyyy.</source>
            <translation>Nhập ngày theo dạng ngày/tháng/năm, ví dụ 15/03/1990.</translation>
        </message>
    </context>
    <context>
        <name>CapturePanel</name>
        <message>
            <source>Import files or phone photos</source>
            <translation>Nhập tệp hoặc ảnh chụp điện thoại</translation>
        </message>
        <message>
            <source>Images and PDF (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.pdf);;All files (*)</source>
            <translation>Ảnh và PDF (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.pdf);;Tất cả tệp (*)</translation>
        </message>
        <message>
            <source>Scanner</source>
            <translation>Máy quét</translation>
        </message>
        <message>
            <source>Scan (F8)</source>
            <translation>Quét (F8)</translation>
        </message>
        <message>
            <source>Import files / phone photo…</source>
            <translation>Nhập tệp / ảnh điện thoại…</translation>
        </message>
        <message>
            <source>Webcam…</source>
            <translation>Webcam…</translation>
        </message>
        <message>
            <source>Ctrl+←/→ move · R rotate · Delete remove · Enter view</source>
            <translation>Ctrl+←/→ di chuyển · R xoay · Delete xoá · Enter xem</translation>
        </message>
        <message>
            <source>Looking for scanners…</source>
            <translation>Đang tìm máy quét…</translation>
        </message>
        <message>
            <source>No scanner found</source>
            <translation>Không tìm thấy máy quét</translation>
        </message>
        <message>
            <source>Pages of: %1</source>
            <translation>Các trang của: %1</translation>
        </message>
        <message>
            <source>Choose a document in the checklist to capture its pages.</source>
            <translation>Chọn một giấy tờ trong danh mục để quét hoặc nhập các trang của nó.</translation>
        </message>
        <message>
            <source>Scanning…</source>
            <translation>Đang quét…</translation>
        </message>
        <message>
            <source>Reading %1 file(s)…</source>
            <translation>Đang đọc %1 tệp…</translation>
        </message>
        <message>
            <source>Processing the photos…</source>
            <translation>Đang xử lý ảnh…</translation>
        </message>
        <message>
            <source>%1 page(s) were kept.</source>
            <translation>Đã giữ lại %1 trang.</translation>
        </message>
        <message>
            <source>Building the PDF…</source>
            <translation>Đang tạo tệp PDF…</translation>
        </message>
        <message>
            <source>%1 page(s) in this document · Total upload size: %2</source>
            <translation>%1 trang trong giấy tờ này · Tổng dung lượng gửi: %2</translation>
        </message>
    </context>
    <context>
        <name>CaptureProblems</name>
        <message>
            <source>The document feeder is empty: put the pages in and scan again.</source>
            <translation>Khay nạp giấy đang trống: đặt giấy vào rồi quét lại.</translation>
        </message>
        <message>
            <source>The %1 page(s) scanned before were kept.</source>
            <translation>Đã giữ lại %1 trang quét trước đó.</translation>
        </message>
        <message>
            <source>%(file) changed while it was being received; attach it again.</source>
            <translation>%(file) đã thay đổi trong lúc tiếp nhận; hãy đính kèm lại.</translation>
        </message>
        <message>
            <source>%(file) is a folder, not a file.</source>
            <translation>%(file) là thư mục, không phải tệp.</translation>
        </message>
        <message>
            <source>%(file) is larger than the %(megabytes) MB a page file may have.</source>
            <translation>%(file) lớn hơn %(megabytes) MB, dung lượng tối đa của một tệp trang.</translation>
        </message>
        <message>
            <source>%(file), page %(page): the page is damaged or incomplete; copy or scan it again.</source>
            <translation>%(file), trang %(page): trang bị hỏng hoặc không đầy đủ; hãy sao chép hoặc quét lại.</translation>
        </message>
        <message>
            <source>%(file): %(count) pages is more than the %(max) a dossier may have.</source>
            <translation>%(file): %(count) trang là nhiều hơn %(max) trang một hồ sơ được phép có.</translation>
        </message>
        <message>
            <source>%(file): not an image or a PDF; use JPEG, PNG, TIFF or PDF.</source>
            <translation>%(file): không phải ảnh hay PDF; hãy dùng JPEG, PNG, TIFF hoặc PDF.</translation>
        </message>
        <message>
            <source>%(file): the PDF contains scripts or actions, which are not accepted; print it to a new PDF or scan the paper.</source>
            <translation>%(file): tệp PDF chứa mã lệnh hoặc hành động tự chạy, không được chấp nhận; hãy in ra một tệp PDF mới hoặc quét bản giấy.</translation>
        </message>
        <message>
            <source>%(file): the PDF has no pages.</source>
            <translation>%(file): tệp PDF không có trang nào.</translation>
        </message>
        <message>
            <source>%(file): the PDF is damaged; copy or scan it again.</source>
            <translation>%(file): tệp PDF bị hỏng; hãy sao chép hoặc quét lại.</translation>
        </message>
        <message>
            <source>%(file): the PDF is protected by a password; save an unprotected copy and import that.</source>
            <translation>%(file): tệp PDF có mật khẩu bảo vệ; hãy lưu một bản không có mật khẩu rồi nhập bản đó.</translation>
        </message>
        <message>
            <source>%(file): the file cannot be read; check that it is still there and that you may open it.</source>
            <translation>%(file): không đọc được tệp; hãy kiểm tra tệp vẫn còn và bạn được phép mở tệp.</translation>
        </message>
        <message>
            <source>%(file): the file is damaged or incomplete; copy or scan it again.</source>
            <translation>%(file): tệp bị hỏng hoặc không đầy đủ; hãy sao chép hoặc quét lại.</translation>
        </message>
        <message>
            <source>%(file): the file is empty (0 bytes).</source>
            <translation>%(file): tệp trống (0 byte).</translation>
        </message>
        <message>
            <source>%(file): the file no longer exists.</source>
            <translation>%(file): tệp không còn nữa.</translation>
        </message>
        <message>
            <source>%(file): the image is far too large to be a page; it was refused.</source>
            <translation>%(file): ảnh quá lớn so với một trang giấy nên bị từ chối.</translation>
        </message>
        <message>
            <source>%(source), page %(page): %(dpi) dpi is too low to be read reliably; scan again at %(floor) dpi or more.</source>
            <translation>%(source), trang %(page): độ phân giải %(dpi) dpi quá thấp để đọc được chắc chắn; hãy quét lại ở %(floor) dpi trở lên.</translation>
        </message>
        <message>
            <source>%(source): the sheet is too small in the photo to be read reliably; take the photo closer, filling the picture with the sheet.</source>
            <translation>%(source): tờ giấy trong ảnh quá nhỏ để đọc được chắc chắn; hãy chụp gần hơn để tờ giấy chiếm trọn khung hình.</translation>
        </message>
        <message>
            <source>Page %(page) from the scanner %(device) was cut off; scan it again.</source>
            <translation>Trang %(page) từ máy quét %(device) bị cắt ngang; hãy quét lại trang đó.</translation>
        </message>
        <message>
            <source>Paper jammed in the scanner %(device) at page %(page); clear it and scan again.</source>
            <translation>Kẹt giấy trong máy quét %(device) ở trang %(page); hãy gỡ giấy rồi quét lại.</translation>
        </message>
        <message>
            <source>The camera gave an empty picture; take the photo again.</source>
            <translation>Máy ảnh trả về ảnh trống; hãy chụp lại.</translation>
        </message>
        <message>
            <source>The scanner %(device) answered with an error (HTTP %(status)); try again, or restart the scanner.</source>
            <translation>Máy quét %(device) báo lỗi (HTTP %(status)); hãy thử lại, hoặc khởi động lại máy quét.</translation>
        </message>
        <message>
            <source>The scanner %(device) cannot scan both sides.</source>
            <translation>Máy quét %(device) không quét được hai mặt.</translation>
        </message>
        <message>
            <source>The scanner %(device) cannot scan in %(colour).</source>
            <translation>Máy quét %(device) không quét được ở chế độ %(colour).</translation>
        </message>
        <message>
            <source>The scanner %(device) could not be opened; check that it is on and connected.</source>
            <translation>Không mở được máy quét %(device); hãy kiểm tra máy đã bật và được kết nối.</translation>
        </message>
        <message>
            <source>The scanner %(device) could not finish the job.</source>
            <translation>Máy quét %(device) không hoàn thành được lượt quét.</translation>
        </message>
        <message>
            <source>The scanner %(device) does not answer; check that it is on and connected.</source>
            <translation>Máy quét %(device) không trả lời; hãy kiểm tra máy đã bật và được kết nối.</translation>
        </message>
        <message>
            <source>The scanner %(device) does not send pages as JPEG, which this program needs.</source>
            <translation>Máy quét %(device) không gửi trang dạng JPEG như chương trình cần.</translation>
        </message>
        <message>
            <source>The scanner %(device) finished without a page: is there paper on the glass or in the feeder?</source>
            <translation>Máy quét %(device) kết thúc mà không có trang nào: đã đặt giấy lên mặt kính hoặc vào khay nạp chưa?</translation>
        </message>
        <message>
            <source>The scanner %(device) has no document feeder.</source>
            <translation>Máy quét %(device) không có khay nạp giấy.</translation>
        </message>
        <message>
            <source>The scanner %(device) is busy; try again when it is idle.</source>
            <translation>Máy quét %(device) đang bận; hãy thử lại khi máy rảnh.</translation>
        </message>
        <message>
            <source>The scanner %(device) offers no way of scanning this program can use.</source>
            <translation>Máy quét %(device) không có chế độ quét nào chương trình dùng được.</translation>
        </message>
        <message>
            <source>The scanner %(device) refused the scan settings; choose another resolution or colour.</source>
            <translation>Máy quét %(device) không nhận thiết lập quét; hãy chọn độ phân giải hoặc chế độ màu khác.</translation>
        </message>
        <message>
            <source>The scanner %(device) sent something this program cannot read; scan again, or restart the scanner.</source>
            <translation>Máy quét %(device) gửi về dữ liệu chương trình không đọc được; hãy quét lại, hoặc khởi động lại máy quét.</translation>
        </message>
        <message>
            <source>The scanner %(device) stopped answering at page %(page).</source>
            <translation>Máy quét %(device) ngừng trả lời ở trang %(page).</translation>
        </message>
        <message>
            <source>The scanner %(device) stopped answering in the middle of the job.</source>
            <translation>Máy quét %(device) ngừng trả lời giữa chừng.</translation>
        </message>
        <message>
            <source>The scanner software (%(program)) is not installed on this computer.</source>
            <translation>Máy tính này chưa cài phần mềm máy quét (%(program)).</translation>
        </message>
        <message>
            <source>The text on the page could not be recognised.</source>
            <translation>Không nhận dạng được chữ trên trang.</translation>
        </message>
        <message>
            <source>The text-recognition data for %(language) is not installed; ask the administrator to reinstall MotCua Desk.</source>
            <translation>Chưa cài dữ liệu nhận dạng chữ cho %(language); hãy đề nghị quản trị viên cài lại MotCua Desk.</translation>
        </message>
        <message>
            <source>black and white</source>
            <translation>đen trắng</translation>
        </message>
        <message>
            <source>colour</source>
            <translation>màu</translation>
        </message>
        <message>
            <source>greyscale</source>
            <translation>thang xám</translation>
        </message>
        <message>
            <source>%(file): no QR code was found in the picture.</source>
            <translation>%(file): không tìm thấy mã QR nào trong ảnh.</translation>
        </message>
        <message>
            <source>Reading a QR code from a picture needs a part that is not installed (%(program)).</source>
            <translation>Đọc mã QR từ ảnh cần một thành phần chưa được cài đặt (%(program)).</translation>
        </message>
        <message>
            <source>the file no longer exists.</source>
            <translation>tệp không còn nữa.</translation>
        </message>
        <message>
            <source>the file is empty (0 bytes).</source>
            <translation>tệp trống (0 byte).</translation>
        </message>
        <message>
            <source>the file is damaged or incomplete; copy or scan it again.</source>
            <translation>tệp bị hỏng hoặc không đầy đủ; hãy sao chép hoặc quét lại.</translation>
        </message>
        <message>
            <source>not an image or a PDF; use JPEG, PNG, TIFF or PDF.</source>
            <translation>không phải ảnh hay PDF; hãy dùng JPEG, PNG, TIFF hoặc PDF.</translation>
        </message>
        <message>
            <source>the image is far too large to be a page; it was refused.</source>
            <translation>ảnh quá lớn so với một trang giấy nên bị từ chối.</translation>
        </message>
        <message>
            <source>the PDF is protected by a password; save an unprotected copy and import that.</source>
            <translation>tệp PDF có mật khẩu bảo vệ; hãy lưu một bản không có mật khẩu rồi nhập bản đó.</translation>
        </message>
        <message>
            <source>the PDF contains scripts or actions, which are not accepted.</source>
            <translation>tệp PDF chứa mã lệnh hoặc hành động tự chạy, không được chấp nhận.</translation>
        </message>
        <message>
            <source>the resolution is too low to be read reliably; scan again at 200 dpi (300 dpi for an ID card).</source>
            <translation>độ phân giải quá thấp để đọc được chắc chắn; hãy quét lại ở 200 dpi (300 dpi với thẻ căn cước).</translation>
        </message>
        <message>
            <source>The scanner stopped answering in the middle of the job.</source>
            <translation>Máy quét ngừng trả lời giữa chừng.</translation>
        </message>
    </context>
    <context>
        <name>CatalogModel</name>
        <message>
            <source>%1 per %2</source>
            <translation>%1/%2</translation>
        </message>
        <message>
            <source>By %1, in tiers</source>
            <translation>Theo %1, theo bậc</translation>
        </message>
        <message>
            <source>No time limit</source>
            <translation>Không quy định thời hạn</translation>
        </message>
        <message>
            <source>%1/page</source>
            <translation>%1/trang</translation>
        </message>
        <message>
            <source>Provincial council</source>
            <translation>Theo HĐND tỉnh</translation>
        </message>
        <message>
            <source>Free</source>
            <translation>Miễn phí</translation>
        </message>
        <message>
            <source>%1/page for pages 1–2, %2/page from page 3</source>
            <translation>%1/trang cho trang 1–2, %2/trang từ trang thứ 3</translation>
        </message>
        <message>
            <source>at most %1 per copy</source>
            <translation>tối đa %1/bản</translation>
        </message>
        <message>
            <source>Set by the provincial council</source>
            <translation>Theo nghị quyết HĐND tỉnh</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Chưa rõ</translation>
        </message>
    </context>
    <context>
        <name>CatalogPage</name>
        <message>
            <source>Procedure catalogue</source>
            <translation>Danh mục thủ tục hành chính</translation>
        </message>
        <message>
            <source>Search by name or code, with or without accents…</source>
            <translation>Tìm theo tên hoặc mã thủ tục, gõ có dấu hay không dấu đều được…</translation>
        </message>
        <message>
            <source>Loading the catalogue…</source>
            <translation>Đang tải danh mục…</translation>
        </message>
        <message>
            <source>The catalogue is empty. An administrator can import the province's catalogue.</source>
            <translation>Danh mục đang trống. Quản trị viên có thể nhập danh mục thủ tục của tỉnh.</translation>
        </message>
        <message>
            <source>%1 procedures in the catalogue.</source>
            <translation>Danh mục có %1 thủ tục.</translation>
        </message>
        <message>
            <source>No procedure matches “%1”.</source>
            <translation>Không có thủ tục nào khớp với “%1”.</translation>
        </message>
        <message>
            <source>%1 procedures match.</source>
            <translation>Tìm thấy %1 thủ tục.</translation>
        </message>
    </context>
    <context>
        <name>CatalogTableModel</name>
        <message>
            <source>Code</source>
            <translation>Mã</translation>
        </message>
        <message>
            <source>Procedure</source>
            <translation>Tên thủ tục</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Lĩnh vực</translation>
        </message>
        <message>
            <source>Time limit</source>
            <translation>Thời hạn giải quyết</translation>
        </message>
        <message>
            <source>Fee</source>
            <translation>Phí, lệ phí</translation>
        </message>
    </context>
    <context>
        <name>ChangePasswordDialog</name>
        <message>
            <source>Change password</source>
            <translation>Đổi mật khẩu</translation>
        </message>
        <message>
            <source>&amp;Current password:</source>
            <translation>Mật khẩu &amp;hiện tại:</translation>
        </message>
        <message>
            <source>&amp;New password:</source>
            <translation>Mật khẩu &amp;mới:</translation>
        </message>
        <message>
            <source>&amp;Repeat new password:</source>
            <translation>&amp;Nhập lại mật khẩu mới:</translation>
        </message>
        <message>
            <source>Choose your own password</source>
            <translation>Chọn mật khẩu của riêng bạn</translation>
        </message>
        <message>
            <source>Sign &amp;out</source>
            <translation>Đăng &amp;xuất</translation>
        </message>
        <message>
            <source>%1: your password was set by an administrator. Choose your own before you start work; type the one you were given as the current password.</source>
            <translation>%1: mật khẩu này do quản trị viên đặt. Hãy chọn mật khẩu của riêng bạn trước khi làm việc; ô mật khẩu hiện tại là mật khẩu bạn được giao.</translation>
        </message>
        <message>
            <source>%1: at least %2 characters; the new password opens the desk from your next unlock or sign-in.</source>
            <translation>%1: mật khẩu mới có ít nhất %2 ký tự và dùng từ lần mở khóa hoặc đăng nhập tới.</translation>
        </message>
        <message>
            <source>Enter your current password.</source>
            <translation>Hãy nhập mật khẩu hiện tại.</translation>
        </message>
    </context>
    <context>
        <name>ChannelSection</name>
        <message>
            <source>6. Channel</source>
            <translation>6. Kênh tiếp nhận</translation>
        </message>
        <message>
            <source>At the desk</source>
            <translation>Tại bộ phận một cửa</translation>
        </message>
        <message>
            <source>Post-office agent</source>
            <translation>Bưu điện (đại lý dịch vụ công)</translation>
        </message>
        <message>
            <source>Community technology team</source>
            <translation>Tổ công nghệ số cộng đồng</translation>
        </message>
        <message>
            <source>Received through</source>
            <translation>Tiếp nhận qua</translation>
        </message>
        <message>
            <source>Unit the dossier is for</source>
            <translation>Đơn vị nhận hồ sơ</translation>
        </message>
        <message>
            <source>Destination unit</source>
            <translation>Đơn vị nhận</translation>
        </message>
        <message>
            <source>Village, hamlet or place of the visit</source>
            <translation>Thôn, tổ dân phố hoặc nơi tiếp nhận lưu động</translation>
        </message>
        <message>
            <source>Visit place</source>
            <translation>Nơi tiếp nhận</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>Unexpected error</source>
            <translation>Lỗi không mong muốn</translation>
        </message>
        <message>
            <source>MotCua Desk ran into an unexpected problem. Work that was already saved is safe. If it happens again, send the details to your administrator.</source>
            <translation>MotCua Desk gặp sự cố không mong muốn. Dữ liệu đã lưu trước đó vẫn an toàn. Nếu lỗi lặp lại, hãy gửi chi tiết lỗi cho quản trị viên.</translation>
        </message>
        <message>
            <source>Log folder: %1</source>
            <translation>Thư mục nhật ký: %1</translation>
        </message>
        <message>
            <source>&amp;Copy details</source>
            <translation>&amp;Sao chép chi tiết</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
    </context>
    <context>
        <name>DeliverySection</name>
        <message>
            <source>5. Result delivery</source>
            <translation>5. Nhận kết quả</translation>
        </message>
        <message>
            <source>At the desk</source>
            <translation>Tại bộ phận một cửa</translation>
        </message>
        <message>
            <source>By post</source>
            <translation>Qua bưu chính</translation>
        </message>
        <message>
            <source>Delivery</source>
            <translation>Hình thức nhận</translation>
        </message>
        <message>
            <source>Postal address for the result</source>
            <translation>Địa chỉ nhận kết quả qua bưu chính</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Địa chỉ</translation>
        </message>
    </context>
    <context>
        <name>DeskStatusBar</name>
        <message>
            <source>Offline · portal not connected</source>
            <translation>Ngoại tuyến · Chưa kết nối cổng</translation>
        </message>
        <message>
            <source>Waiting to sync: …</source>
            <translation>Chờ đồng bộ: …</translation>
        </message>
    </context>
    <context>
        <name>DocumentsModel</name>
        <message>
            <source>Original</source>
            <translation>Bản chính</translation>
        </message>
        <message>
            <source>Certified copy</source>
            <translation>Bản sao chứng thực</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Bản chụp</translation>
        </message>
        <message>
            <source>Shown</source>
            <translation>Xuất trình</translation>
        </message>
        <message>
            <source>Required</source>
            <translation>Bắt buộc</translation>
        </message>
        <message>
            <source>If applicable</source>
            <translation>Nếu có</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Đã nhận</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Giấy tờ</translation>
        </message>
        <message>
            <source>Form</source>
            <translation>Loại bản</translation>
        </message>
        <message>
            <source>Copies</source>
            <translation>Số bản</translation>
        </message>
        <message>
            <source>Pages</source>
            <translation>Số trang</translation>
        </message>
    </context>
    <context>
        <name>DocumentsSection</name>
        <message>
            <source>Images and PDF (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.pdf);;All files (*)</source>
            <translation>Ảnh và PDF (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.pdf);;Tất cả tệp (*)</translation>
        </message>
        <message>
            <source>3. Documents</source>
            <translation>3. Thành phần hồ sơ</translation>
        </message>
        <message>
            <source>Reason for missing documents (required when a required document is not received)</source>
            <translation>Lý do thiếu giấy tờ (bắt buộc khi chưa nhận đủ giấy tờ bắt buộc)</translation>
        </message>
        <message>
            <source>Attach files… (Ctrl+O)</source>
            <translation>Đính kèm tệp… (Ctrl+O)</translation>
        </message>
        <message>
            <source>All received (Ctrl+Shift+A)</source>
            <translation>Đã nhận đủ (Ctrl+Shift+A)</translation>
        </message>
        <message>
            <source>Tick the missing documents, or write why the dossier is accepted without them.</source>
            <translation>Đánh dấu giấy tờ còn thiếu, hoặc ghi lý do thiếu giấy tờ.</translation>
        </message>
    </context>
    <context>
        <name>DossierDetail</name>
        <message>
            <source>Delivered to the portal</source>
            <translation>Đã gửi lên cổng</translation>
        </message>
        <message>
            <source>Waiting to be sent to the portal</source>
            <translation>Đang chờ gửi lên cổng</translation>
        </message>
        <message>
            <source>Refused by the portal: see the Sync page</source>
            <translation>Cổng từ chối: xem trang Đồng bộ</translation>
        </message>
        <message>
            <source>Kept on this desk only</source>
            <translation>Chỉ lưu trên máy này</translation>
        </message>
        <message>
            <source>Procedure</source>
            <translation>Thủ tục</translation>
        </message>
        <message>
            <source>Applicant</source>
            <translation>Người nộp</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Tiếp nhận</translation>
        </message>
        <message>
            <source>Appointment</source>
            <translation>Hẹn trả</translation>
        </message>
        <message>
            <source>Fees</source>
            <translation>Phí, lệ phí</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Đồng bộ</translation>
        </message>
        <message>
            <source>not submitted</source>
            <translation>chưa nộp</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Thành phần hồ sơ</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Quá trình xử lý</translation>
        </message>
    </context>
    <context>
        <name>DossierDialog</name>
        <message>
            <source>Dossier %1</source>
            <translation>Hồ sơ %1</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <source>&amp;Reprint (Ctrl+P)</source>
            <translation>&amp;In lại (Ctrl+P)</translation>
        </message>
        <message>
            <source>Form %1 — %2</source>
            <translation>Mẫu %1 — %2</translation>
        </message>
        <message>
            <source>No scanned pages</source>
            <translation>Không có trang quét</translation>
        </message>
        <message>
            <source>Opening the scanned pages…</source>
            <translation>Đang mở các trang quét…</translation>
        </message>
        <message>
            <source>Scanned &amp;pages (Ctrl+G)</source>
            <translation>Các trang &amp;quét (Ctrl+G)</translation>
        </message>
        <message>
            <source>The scanned pages could not be opened: %1</source>
            <translation>Không mở được các trang quét: %1</translation>
        </message>
        <message>
            <source>&amp;Actions (Ctrl+K)</source>
            <translation>&amp;Xử lý (Ctrl+K)</translation>
        </message>
        <message>
            <source>Done: %1.</source>
            <translation>Đã thực hiện: %1.</translation>
        </message>
        <message>
            <source>The action was recorded; form %1 is not available in this version yet.</source>
            <translation>Đã ghi nhận thao tác; phiên bản này chưa có mẫu %1.</translation>
        </message>
    </context>
    <context>
        <name>DossiersPage</name>
        <message>
            <source>Delivered</source>
            <translation>Đã gửi</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Chờ gửi</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Bị từ chối</translation>
        </message>
        <message>
            <source>Local</source>
            <translation>Trên máy</translation>
        </message>
        <message>
            <source>Dossiers</source>
            <translation>Hồ sơ</translation>
        </message>
        <message>
            <source>Search by code, ID number or name…</source>
            <translation>Tìm theo mã hồ sơ, số định danh hoặc họ tên…</translation>
        </message>
        <message>
            <source>Dossier code</source>
            <translation>Mã hồ sơ</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Tiếp nhận</translation>
        </message>
        <message>
            <source>Applicant</source>
            <translation>Người nộp</translation>
        </message>
        <message>
            <source>Procedure</source>
            <translation>Thủ tục</translation>
        </message>
        <message>
            <source>Appointment</source>
            <translation>Hẹn trả</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Đồng bộ</translation>
        </message>
        <message>
            <source>%1 dossiers match.</source>
            <translation>%1 hồ sơ phù hợp.</translation>
        </message>
        <message>
            <source>%1 most recent dossiers.</source>
            <translation>%1 hồ sơ mới nhất.</translation>
        </message>
        <message>
            <source>%1 dossiers.</source>
            <translation>%1 hồ sơ.</translation>
        </message>
        <message>
            <source>&amp;Official</source>
            <translation>&amp;Cán bộ tiếp nhận</translation>
        </message>
        <message>
            <source>&amp;Procedure</source>
            <translation>&amp;Thủ tục</translation>
        </message>
        <message>
            <source>&amp;to</source>
            <translation>đ&amp;ến</translation>
        </message>
        <message>
            <source>All channels</source>
            <translation>Mọi kênh</translation>
        </message>
        <message>
            <source>All officials</source>
            <translation>Mọi cán bộ</translation>
        </message>
        <message>
            <source>All procedures</source>
            <translation>Mọi thủ tục</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Mọi trạng thái</translation>
        </message>
        <message>
            <source>Any appointment</source>
            <translation>Mọi hạn trả</translation>
        </message>
        <message>
            <source>Any sync state</source>
            <translation>Mọi trạng thái đồng bộ</translation>
        </message>
        <message>
            <source>At the desk</source>
            <translation>Trực tiếp tại quầy</translation>
        </message>
        <message>
            <source>C&amp;hannel</source>
            <translation>&amp;Kênh tiếp nhận</translation>
        </message>
        <message>
            <source>C&amp;lear filters</source>
            <translation>&amp;Xóa bộ lọc</translation>
        </message>
        <message>
            <source>Community team</source>
            <translation>Tổ công nghệ số cộng đồng</translation>
        </message>
        <message>
            <source>D&amp;ue</source>
            <translation>&amp;Hạn trả</translation>
        </message>
        <message>
            <source>Due today</source>
            <translation>Đến hạn hôm nay</translation>
        </message>
        <message>
            <source>Due within %1 working days</source>
            <translation>Đến hạn trong %1 ngày làm việc</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Quá hạn</translation>
        </message>
        <message>
            <source>Post office</source>
            <translation>Điểm bưu điện</translation>
        </message>
        <message>
            <source>Received &amp;from</source>
            <translation>Tiếp nhận t&amp;ừ ngày</translation>
        </message>
        <message>
            <source>S&amp;tatus</source>
            <translation>T&amp;rạng thái</translation>
        </message>
        <message>
            <source>S&amp;ync</source>
            <translation>Đồ&amp;ng bộ</translation>
        </message>
        <message>
            <source>Show &amp;ID numbers</source>
            <translation>Hiện &amp;số định danh</translation>
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
            <translation>Tiếp tục (Ctrl+R)</translation>
        </message>
        <message>
            <source>Discard draft</source>
            <translation>Bỏ bản nháp</translation>
        </message>
        <message>
            <source>Continue the unfinished reception? %1</source>
            <translation>Tiếp tục hồ sơ đang nhập dở? %1</translation>
        </message>
        <message>
            <source>(%1 unfinished receptions in all)</source>
            <translation>(tất cả có %1 hồ sơ đang nhập dở)</translation>
        </message>
    </context>
    <context>
        <name>EnrolDialog</name>
        <message>
            <source>Enrol with the portal</source>
            <translation>Đăng ký máy với cổng</translation>
        </message>
        <message>
            <source>Ask the portal administrator for a one-time token for this unit (motcua portal token create). The token can be used once.</source>
            <translation>Đề nghị quản trị viên cổng cấp mã đăng ký dùng một lần cho đơn vị này (motcua portal token create). Mã chỉ dùng được một lần.</translation>
        </message>
        <message>
            <source>one-time token</source>
            <translation>mã đăng ký dùng một lần</translation>
        </message>
        <message>
            <source>Portal &amp;address</source>
            <translation>&amp;Địa chỉ cổng</translation>
        </message>
        <message>
            <source>&amp;Token</source>
            <translation>&amp;Mã đăng ký</translation>
        </message>
        <message>
            <source>Enrol</source>
            <translation>Đăng ký</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <source>Enter the portal's address.</source>
            <translation>Nhập địa chỉ của cổng.</translation>
        </message>
        <message>
            <source>Enter the token.</source>
            <translation>Nhập mã đăng ký.</translation>
        </message>
        <message>
            <source>Contacting the portal…</source>
            <translation>Đang liên hệ với cổng…</translation>
        </message>
    </context>
    <context>
        <name>FeesSection</name>
        <message>
            <source>4. Fees</source>
            <translation>4. Phí, lệ phí</translation>
        </message>
        <message>
            <source>Choose a procedure first.</source>
            <translation>Chọn thủ tục trước.</translation>
        </message>
        <message>
            <source>Fee</source>
            <translation>Phí, lệ phí</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>Pages to charge</source>
            <translation>Số trang tính phí</translation>
        </message>
        <message>
            <source>Amount in đồng, e.g. 50000</source>
            <translation>Số tiền (đồng), ví dụ 50000</translation>
        </message>
        <message>
            <source>Amount (đ)</source>
            <translation>Số tiền (đ)</translation>
        </message>
        <message>
            <source>Cash</source>
            <translation>Tiền mặt</translation>
        </message>
        <message>
            <source>Bank transfer (VietQR)</source>
            <translation>Chuyển khoản (VietQR)</translation>
        </message>
        <message>
            <source>Exempt</source>
            <translation>Miễn</translation>
        </message>
        <message>
            <source>Payment</source>
            <translation>Thanh toán</translation>
        </message>
        <message>
            <source>Reason for exemption (e.g. poor household)</source>
            <translation>Lý do miễn (ví dụ: hộ nghèo)</translation>
        </message>
        <message>
            <source>Exemption reason</source>
            <translation>Lý do miễn</translation>
        </message>
        <message>
            <source>Type the amount in đồng, digits only.</source>
            <translation>Nhập số tiền bằng đồng, chỉ gồm chữ số.</translation>
        </message>
        <message>
            <source>Enter the number of pages.</source>
            <translation>Nhập số trang.</translation>
        </message>
        <message>
            <source>Total: %1</source>
            <translation>Tổng cộng: %1</translation>
        </message>
        <message>
            <source>Amount to be entered</source>
            <translation>Cần nhập số tiền</translation>
        </message>
        <message>
            <source>VietQR settings are incomplete.</source>
            <translation>Thiếu cài đặt tài khoản VietQR.</translation>
        </message>
        <message>
            <source>Transfer %1 to %2</source>
            <translation>Chuyển khoản %1 cho %2</translation>
        </message>
        <message>
            <source>Nothing to pay (no fee)</source>
            <translation>Không phải nộp (không thu phí)</translation>
        </message>
    </context>
    <context>
        <name>LockScreen</name>
        <message>
            <source>The desk is locked</source>
            <translation>Màn hình đã khóa</translation>
        </message>
        <message>
            <source>Signed in as %1. Enter your password to continue.</source>
            <translation>Tài khoản đang dùng: %1. Nhập mật khẩu của tài khoản này để mở khóa.</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Mật khẩu:</translation>
        </message>
        <message>
            <source>&amp;Unlock</source>
            <translation>Mở &amp;khóa</translation>
        </message>
        <message>
            <source>S&amp;witch user</source>
            <translation>Đổi &amp;người dùng</translation>
        </message>
        <message>
            <source>Enter your password.</source>
            <translation>Hãy nhập mật khẩu.</translation>
        </message>
        <message>
            <source>Wrong password.</source>
            <translation>Sai mật khẩu.</translation>
        </message>
    </context>
    <context>
        <name>LoginScreen</name>
        <message>
            <source>MotCua Desk – Sign in</source>
            <translation>MotCua Desk – Đăng nhập</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Đăng nhập</translation>
        </message>
        <message>
            <source>&amp;User name:</source>
            <translation>&amp;Tên đăng nhập:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Mật khẩu:</translation>
        </message>
        <message>
            <source>&amp;Sign in</source>
            <translation>Đăng &amp;nhập</translation>
        </message>
        <message>
            <source>&amp;Restore the latest backup…</source>
            <translation>&amp;Khôi phục bản sao lưu mới nhất…</translation>
        </message>
        <message>
            <source>Enter your user name and password.</source>
            <translation>Hãy nhập tên đăng nhập và mật khẩu.</translation>
        </message>
        <message>
            <source>The local store was written by a newer version of MotCua Desk. Install the newer version to open it; nothing has been changed.</source>
            <translation>Kho dữ liệu trên máy được tạo bởi phiên bản MotCua Desk mới hơn. Hãy cài phiên bản mới hơn để mở; dữ liệu chưa bị thay đổi.</translation>
        </message>
        <message>
            <source>The local store is damaged and cannot be opened.</source>
            <translation>Kho dữ liệu trên máy bị hỏng, không mở được.</translation>
        </message>
        <message>
            <source>The latest backup is %1.</source>
            <translation>Bản sao lưu mới nhất: %1.</translation>
        </message>
        <message>
            <source>No backup was found; contact your administrator.</source>
            <translation>Không tìm thấy bản sao lưu nào; hãy liên hệ quản trị viên.</translation>
        </message>
        <message>
            <source>Restore backup</source>
            <translation>Khôi phục bản sao lưu</translation>
        </message>
        <message>
            <source>Replace the damaged store with the backup %1? Work saved after that backup will be missing.</source>
            <translation>Thay kho dữ liệu bị hỏng bằng bản sao lưu %1? Những gì lưu sau thời điểm sao lưu đó sẽ không còn.</translation>
        </message>
        <message>
            <source>&amp;Restore</source>
            <translation>&amp;Khôi phục</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <source>The backup was restored. Sign in again.</source>
            <translation>Đã khôi phục bản sao lưu. Hãy đăng nhập lại.</translation>
        </message>
        <message>
            <source>&amp;Forgot the password? Use the recovery key…</source>
            <translation>&amp;Quên mật khẩu / dùng mã khôi phục…</translation>
        </message>
        <message>
            <source>&amp;Training mode (practise on sample data)</source>
            <translation>&amp;Chế độ tập huấn (luyện tập trên dữ liệu mẫu)</translation>
        </message>
        <message>
            <source>Opens a separate training store with sample dossiers; nothing done there reaches the real store or the portal.</source>
            <translation>Mở kho dữ liệu tập huấn riêng với các hồ sơ mẫu; mọi thao tác ở đó không ảnh hưởng tới dữ liệu thật và không gửi lên cổng dịch vụ công.</translation>
        </message>
        <message>
            <source>Preparing the training data…</source>
            <translation>Đang chuẩn bị dữ liệu tập huấn…</translation>
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
            <translation>Tiếp nhận</translation>
        </message>
        <message>
            <source>Dossiers</source>
            <translation>Hồ sơ</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Đồng bộ</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Báo cáo</translation>
        </message>
        <message>
            <source>Catalogue</source>
            <translation>Danh mục</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Cài đặt</translation>
        </message>
        <message>
            <source>Reading the text of scanned pages: %1/%2</source>
            <translation>Đang nhận dạng chữ trên trang quét: %1/%2</translation>
        </message>
        <message>
            <source>Scanned pages can now be found by their words.</source>
            <translation>Đã có thể tìm hồ sơ theo chữ trên trang quét.</translation>
        </message>
        <message>
            <source>Change password</source>
            <translation>Đổi mật khẩu</translation>
        </message>
        <message>
            <source>Your password was changed.</source>
            <translation>Đã đổi mật khẩu.</translation>
        </message>
        <message>
            <source>Return a result</source>
            <translation>Trả kết quả</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>Nhật ký kiểm tra</translation>
        </message>
    </context>
    <context>
        <name>PageViewer</name>
        <message>
            <source>Loading…</source>
            <translation>Đang tải…</translation>
        </message>
        <message>
            <source>Zoom out (-)</source>
            <translation>Thu nhỏ (-)</translation>
        </message>
        <message>
            <source>Zoom in (+)</source>
            <translation>Phóng to (+)</translation>
        </message>
        <message>
            <source>Fit (0)</source>
            <translation>Vừa khung (0)</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <source>Page %1 of %2</source>
            <translation>Trang %1/%2</translation>
        </message>
        <message>
            <source>This page cannot be shown.</source>
            <translation>Không hiển thị được trang này.</translation>
        </message>
    </context>
    <context>
        <name>ProcedureDetail</name>
        <message>
            <source>originals: %1</source>
            <translation>bản chính: %1</translation>
        </message>
        <message>
            <source>copies: %1</source>
            <translation>bản sao: %1</translation>
        </message>
        <message>
            <source>exempt: %1</source>
            <translation>miễn: %1</translation>
        </message>
        <message>
            <source>Select a procedure to see its details.</source>
            <translation>Chọn một thủ tục để xem chi tiết.</translation>
        </message>
        <message>
            <source>not verified</source>
            <translation>chưa xác minh</translation>
        </message>
        <message>
            <source>code</source>
            <translation>mã thủ tục</translation>
        </message>
        <message>
            <source>name</source>
            <translation>tên thủ tục</translation>
        </message>
        <message>
            <source>time limit</source>
            <translation>thời hạn</translation>
        </message>
        <message>
            <source>fee</source>
            <translation>phí, lệ phí</translation>
        </message>
        <message>
            <source>documents</source>
            <translation>thành phần hồ sơ</translation>
        </message>
        <message>
            <source>extension</source>
            <translation>gia hạn</translation>
        </message>
        <message>
            <source>effective date</source>
            <translation>ngày hiệu lực</translation>
        </message>
        <message>
            <source>verified</source>
            <translation>đã xác minh</translation>
        </message>
        <message>
            <source>single source</source>
            <translation>một nguồn</translation>
        </message>
        <message>
            <source>No documents listed.</source>
            <translation>Chưa có thành phần hồ sơ.</translation>
        </message>
        <message>
            <source>required</source>
            <translation>bắt buộc</translation>
        </message>
        <message>
            <source>if applicable</source>
            <translation>nếu có</translation>
        </message>
        <message>
            <source>show the original</source>
            <translation>xuất trình bản chính</translation>
        </message>
        <message>
            <source>submit</source>
            <translation>nộp</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Mã</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Lĩnh vực</translation>
        </message>
        <message>
            <source>Authority</source>
            <translation>Cơ quan thực hiện</translation>
        </message>
        <message>
            <source>Time limit</source>
            <translation>Thời hạn giải quyết</translation>
        </message>
        <message>
            <source>Extension</source>
            <translation>Gia hạn</translation>
        </message>
        <message>
            <source>Fee</source>
            <translation>Phí, lệ phí</translation>
        </message>
        <message>
            <source>Channels</source>
            <translation>Cách thức nộp</translation>
        </message>
        <message>
            <source>In force from</source>
            <translation>Hiệu lực</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Thành phần hồ sơ</translation>
        </message>
        <message>
            <source>Legal basis</source>
            <translation>Căn cứ pháp lý</translation>
        </message>
        <message>
            <source>Source and confidence</source>
            <translation>Nguồn và mức tin cậy</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Nguồn</translation>
        </message>
        <message>
            <source>not stated</source>
            <translation>chưa ghi</translation>
        </message>
        <message>
            <source>no tag</source>
            <translation>chưa gắn nhãn</translation>
        </message>
    </context>
    <context>
        <name>ProcedureListModel</name>
        <message>
            <source>Recent</source>
            <translation>Gần đây</translation>
        </message>
        <message>
            <source>Frequent</source>
            <translation>Hay dùng</translation>
        </message>
    </context>
    <context>
        <name>ProcedurePicker</name>
        <message>
            <source>1. Procedure</source>
            <translation>1. Thủ tục hành chính</translation>
        </message>
        <message>
            <source>Type a few words of the procedure or its code, then Enter…</source>
            <translation>Gõ vài chữ của tên thủ tục hoặc mã thủ tục, rồi nhấn Enter…</translation>
        </message>
    </context>
    <context>
        <name>QrProblems</name>
        <message>
            <source>it is not a chip-ID card QR</source>
            <translation>đây không phải mã QR của thẻ căn cước gắn chip</translation>
        </message>
        <message>
            <source>the old ID number on the card is not 9 or 12 digits</source>
            <translation>số CMND cũ trên thẻ không gồm 9 hoặc 12 chữ số</translation>
        </message>
        <message>
            <source>the name on the card is empty or unreadable</source>
            <translation>họ tên trên thẻ trống hoặc không đọc được</translation>
        </message>
        <message>
            <source>the date of birth on the card is not a valid date</source>
            <translation>ngày sinh trên thẻ không phải ngày hợp lệ</translation>
        </message>
        <message>
            <source>the sex on the card is neither Nam nor Nữ</source>
            <translation>giới tính trên thẻ không phải Nam hoặc Nữ</translation>
        </message>
        <message>
            <source>the address on the card is empty or unreadable</source>
            <translation>nơi thường trú trên thẻ trống hoặc không đọc được</translation>
        </message>
        <message>
            <source>the issue date on the card is not valid or is before the date of birth</source>
            <translation>ngày cấp trên thẻ không hợp lệ hoặc trước ngày sinh</translation>
        </message>
        <message>
            <source>fields %(fields) of the card's QR hold data this version does not know; type the details in</source>
            <translation>các trường %(fields) trong mã QR của thẻ có dữ liệu phiên bản này chưa biết; hãy nhập thông tin bằng tay</translation>
        </message>
        <message>
            <source>it is not a chip-ID card QR (7 or 11 fields separated by | expected, %(count) found)</source>
            <translation>đây không phải mã QR của thẻ căn cước gắn chip (cần 7 hoặc 11 trường ngăn bởi dấu |, nhận được %(count))</translation>
        </message>
        <message>
            <source>the ID number on the card does not match its date of birth or sex</source>
            <translation>số định danh trên thẻ không khớp với ngày sinh hoặc giới tính trên thẻ</translation>
        </message>
        <message>
            <source>the ID number on the card is not 12 digits</source>
            <translation>số định danh trên thẻ không gồm 12 chữ số</translation>
        </message>
        <message>
            <source>the first 3 digits of the ID number on the card are not a province code</source>
            <translation>3 chữ số đầu của số định danh trên thẻ không phải mã tỉnh</translation>
        </message>
        <message>
            <source>the year of birth on the card is outside 1900–2399</source>
            <translation>năm sinh trên thẻ nằm ngoài khoảng 1900–2399</translation>
        </message>
        <message>
            <source>it is not a chip-ID card QR (7 or 11 fields separated by | expected, %1 found)</source>
            <translation>đây không phải mã QR của thẻ căn cước gắn chip (cần 7 hoặc 11 trường ngăn bởi dấu |, nhận được %1)</translation>
        </message>
        <message>
            <source>fields %1 of the card's QR hold data this version does not know; type the details in</source>
            <translation>các trường %1 trong mã QR của thẻ có dữ liệu phiên bản này chưa biết; hãy nhập thông tin bằng tay</translation>
        </message>
    </context>
    <context>
        <name>ReceiptPrinter</name>
        <message>
            <source>the receipt PDF could not be read</source>
            <translation>không đọc được tệp PDF biên nhận</translation>
        </message>
        <message>
            <source>no printer is set up on this computer</source>
            <translation>máy tính này chưa cài máy in</translation>
        </message>
        <message>
            <source>Receipt %1</source>
            <translation>Biên nhận %1</translation>
        </message>
        <message>
            <source>printing was cancelled</source>
            <translation>đã hủy in</translation>
        </message>
        <message>
            <source>the printer did not accept the receipt</source>
            <translation>máy in không nhận lệnh in</translation>
        </message>
        <message>
            <source>No printer is set up on this computer: save the form as PDF and print it elsewhere.</source>
            <translation>Máy tính này chưa cài máy in: hãy lưu thành PDF rồi in ở máy khác.</translation>
        </message>
    </context>
    <context>
        <name>ReceptionPage</name>
        <message>
            <source>Receive a dossier</source>
            <translation>Tiếp nhận hồ sơ</translation>
        </message>
        <message>
            <source>Read QR from image/PDF</source>
            <translation>Đọc QR từ ảnh/PDF</translation>
        </message>
        <message>
            <source>Images and PDF (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.pdf)</source>
            <translation>Ảnh và PDF (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.pdf)</translation>
        </message>
        <message>
            <source>No QR code in the camera picture; hold the card closer and try again.</source>
            <translation>Ảnh từ camera không có mã QR; đưa thẻ lại gần hơn rồi thử lại.</translation>
        </message>
        <message>
            <source>&amp;Discard</source>
            <translation>&amp;Bỏ bản nháp</translation>
        </message>
        <message>
            <source>&amp;Keep the draft</source>
            <translation>&amp;Giữ lại bản nháp</translation>
        </message>
        <message>
            <source>Discard the draft?</source>
            <translation>Bỏ bản nháp?</translation>
        </message>
        <message>
            <source>Discard the unfinished reception “%1”? It cannot be brought back.</source>
            <translation>Bỏ lượt tiếp nhận đang dở “%1”? Sau khi bỏ sẽ không lấy lại được.</translation>
        </message>
        <message>
            <source>The dossier was NOT saved: %1 The form is kept; confirm again.</source>
            <translation>CHƯA lưu được hồ sơ: %1 Thông tin đã nhập vẫn được giữ; hãy xác nhận lại.</translation>
        </message>
        <message>
            <source>The dossier was NOT saved: %1. The form is kept; confirm again.</source>
            <translation>CHƯA lưu được hồ sơ: %1. Thông tin đã nhập vẫn được giữ; hãy xác nhận lại.</translation>
        </message>
    </context>
    <context>
        <name>ReceptionProblems</name>
        <message>
            <source>Enter the 12-digit personal ID number.</source>
            <translation>Nhập số định danh cá nhân gồm 12 chữ số.</translation>
        </message>
        <message>
            <source>Enter the applicant's full name.</source>
            <translation>Nhập họ và tên người nộp.</translation>
        </message>
        <message>
            <source>The old ID number has 9 or 12 digits.</source>
            <translation>Số CMND cũ gồm 9 hoặc 12 chữ số.</translation>
        </message>
        <message>
            <source>Choose Nam or Nữ.</source>
            <translation>Chọn Nam hoặc Nữ.</translation>
        </message>
        <message>
            <source>Check the phone number (e.g. 0912 345 678).</source>
            <translation>Kiểm tra lại số điện thoại (ví dụ 0912 345 678).</translation>
        </message>
        <message>
            <source>Check the e-mail address (e.g. ten@example.vn).</source>
            <translation>Kiểm tra lại địa chỉ thư điện tử (ví dụ ten@example.vn).</translation>
        </message>
        <message>
            <source>Enter the representative's full name.</source>
            <translation>Nhập họ và tên người được ủy quyền.</translation>
        </message>
        <message>
            <source>Give the postal address for the result.</source>
            <translation>Nhập địa chỉ nhận kết quả qua bưu chính.</translation>
        </message>
        <message>
            <source>Say where the community team received the dossier.</source>
            <translation>Ghi nơi tổ công nghệ số cộng đồng tiếp nhận hồ sơ.</translation>
        </message>
        <message>
            <source>Say why the fee is waived (e.g. poor household).</source>
            <translation>Ghi lý do miễn phí, lệ phí (ví dụ: hộ nghèo).</translation>
        </message>
        <message>
            <source>Enter the number of pages to charge.</source>
            <translation>Nhập số trang tính phí.</translation>
        </message>
        <message>
            <source>Choose the procedure.</source>
            <translation>Chọn thủ tục hành chính.</translation>
        </message>
        <message>
            <source>Enter the fee amount in đồng.</source>
            <translation>Nhập số tiền phí, lệ phí (đồng).</translation>
        </message>
        <message>
            <source>%(count) documents is more than the %(max) a dossier may have.</source>
            <translation>%(count) giấy tờ là nhiều hơn %(max) giấy tờ một hồ sơ được phép có.</translation>
        </message>
        <message>
            <source>%(count) page files is more than the %(max) a dossier may have.</source>
            <translation>%(count) tệp trang là nhiều hơn %(max) tệp một hồ sơ được phép có.</translation>
        </message>
        <message>
            <source>%(name) has scanned pages but is not ticked as received.</source>
            <translation>%(name) đã có trang quét nhưng chưa được đánh dấu đã nhận.</translation>
        </message>
        <message>
            <source>%(unit) is not a unit identifier; give one like 000.00.06.H56.</source>
            <translation>%(unit) không phải mã định danh đơn vị; hãy nhập dạng 000.00.06.H56.</translation>
        </message>
        <message>
            <source>%(value) is not one of the allowed values.</source>
            <translation>%(value) không thuộc các giá trị được phép.</translation>
        </message>
        <message>
            <source>A personal ID number has 12 digits; this one has %(count).</source>
            <translation>Số định danh cá nhân gồm 12 chữ số; số này có %(count) ký tự.</translation>
        </message>
        <message>
            <source>A scanned page is missing or damaged; capture it again.</source>
            <translation>Một trang quét bị mất hoặc bị hỏng; hãy quét lại.</translation>
        </message>
        <message>
            <source>A scanned page was not kept properly; capture it again.</source>
            <translation>Một trang quét không được lưu đúng cách; hãy quét lại.</translation>
        </message>
        <message>
            <source>An ID number holds a year of birth from 1900 to 2399 only; check the date of birth.</source>
            <translation>Số định danh chỉ thể hiện được năm sinh từ 1900 đến 2399; hãy kiểm tra lại ngày sinh.</translation>
        </message>
        <message>
            <source>Character %(position) (%(code)) cannot be kept in a form field (a control, direction or invisible character); type the text again.</source>
            <translation>Ký tự thứ %(position) (%(code)) không được phép có trong ô nhập (ký tự điều khiển, đổi hướng hoặc ký tự ẩn); hãy gõ lại nội dung.</translation>
        </message>
        <message>
            <source>Document %(number) has no name.</source>
            <translation>Giấy tờ thứ %(number) chưa có tên.</translation>
        </message>
        <message>
            <source>Enter a whole number of at least 1.</source>
            <translation>Nhập số nguyên từ 1 trở lên.</translation>
        </message>
        <message>
            <source>Enter at least 1 copy of %(name).</source>
            <translation>Số bản của %(name) ít nhất là 1.</translation>
        </message>
        <message>
            <source>Enter the fee amount: %(note)</source>
            <translation>Nhập số tiền phí, lệ phí: %(note)</translation>
        </message>
        <message>
            <source>No procedure %(code) is in force on %(date) in this desk's catalogue.</source>
            <translation>Danh mục của máy này không có thủ tục %(code) còn hiệu lực ngày %(date).</translation>
        </message>
        <message>
            <source>Only a post-office agent chooses a destination unit.</source>
            <translation>Chỉ nhân viên bưu điện mới chọn đơn vị nhận hồ sơ.</translation>
        </message>
        <message>
            <source>Procedure %(code) cannot be submitted through this channel.</source>
            <translation>Thủ tục %(code) không tiếp nhận qua kênh này.</translation>
        </message>
        <message>
            <source>Procedure %(code) has no time limit in the catalogue, so no appointment can be given; ask the administrator to complete it.</source>
            <translation>Thủ tục %(code) chưa có thời hạn giải quyết trong danh mục nên không hẹn trả được; hãy đề nghị quản trị viên bổ sung.</translation>
        </message>
        <message>
            <source>The ID number does not match the date of birth %(date) and the sex %(sex) (digits 4–6 hold the century, the sex and the year of birth).</source>
            <translation>Số định danh không khớp với ngày sinh %(date) và giới tính %(sex) (chữ số thứ 4–6 thể hiện thế kỷ, giới tính và năm sinh).</translation>
        </message>
        <message>
            <source>The appointment falls outside the working calendar; check the reception date and the procedure's time limit.</source>
            <translation>Ngày hẹn trả nằm ngoài lịch làm việc; hãy kiểm tra ngày tiếp nhận và thời hạn giải quyết của thủ tục.</translation>
        </message>
        <message>
            <source>The date of birth %(date) is in the future.</source>
            <translation>Ngày sinh %(date) ở tương lai.</translation>
        </message>
        <message>
            <source>The fee follows the catalogue rule (%(amount)); leave the amount empty.</source>
            <translation>Phí, lệ phí theo mức trong danh mục (%(amount)); hãy để trống ô số tiền.</translation>
        </message>
        <message>
            <source>The first 3 digits of the ID number (%(prefix)) are not a province code.</source>
            <translation>3 chữ số đầu của số định danh (%(prefix)) không phải mã tỉnh.</translation>
        </message>
        <message>
            <source>The issue date %(date) is in the future.</source>
            <translation>Ngày cấp %(date) ở tương lai.</translation>
        </message>
        <message>
            <source>The issue date must be after the date of birth.</source>
            <translation>Ngày cấp phải sau ngày sinh.</translation>
        </message>
        <message>
            <source>The number of dossier sets is a whole number from 1 to %(max).</source>
            <translation>Số bộ hồ sơ là số nguyên từ 1 đến %(max).</translation>
        </message>
        <message>
            <source>The reception time %(moment) is in the future.</source>
            <translation>Thời điểm tiếp nhận %(moment) ở tương lai.</translation>
        </message>
        <message>
            <source>The required document %(name) is not received: receive it, or write why the dossier is accepted without it.</source>
            <translation>Chưa nhận giấy tờ bắt buộc %(name): hãy nhận giấy tờ, hoặc ghi lý do tiếp nhận hồ sơ khi còn thiếu.</translation>
        </message>
        <message>
            <source>The required document %(name) of the checklist is missing: add it, or write why the dossier is accepted without it.</source>
            <translation>Thiếu giấy tờ bắt buộc %(name) trong thành phần hồ sơ: hãy bổ sung, hoặc ghi lý do tiếp nhận hồ sơ khi còn thiếu.</translation>
        </message>
        <message>
            <source>The unfinished reception could not be read back; enter it again.</source>
            <translation>Không đọc lại được lượt tiếp nhận đang dở; hãy nhập lại.</translation>
        </message>
        <message>
            <source>The unfinished reception is no longer there.</source>
            <translation>Lượt tiếp nhận đang dở không còn nữa.</translation>
        </message>
        <message>
            <source>This must be text.</source>
            <translation>Ô này phải là văn bản.</translation>
        </message>
        <message>
            <source>Too long: %(count) characters, at most %(max).</source>
            <translation>Quá dài: %(count) ký tự, tối đa %(max) ký tự.</translation>
        </message>
        <message>
            <source>Give a dossier code like 000.00.06.H56-251124-0001.</source>
            <translation>Nhập mã hồ sơ dạng 000.00.06.H56-251124-0001.</translation>
        </message>
        <message>
            <source>There is no dossier %(code) on this desk.</source>
            <translation>Máy này không có hồ sơ %(code).</translation>
        </message>
        <message>
            <source>The first 3 digits of the ID number are not a province code.</source>
            <translation>3 chữ số đầu của số định danh không phải mã tỉnh.</translation>
        </message>
        <message>
            <source>The ID number does not match the date of birth or the sex.</source>
            <translation>Số định danh không khớp với ngày sinh hoặc giới tính.</translation>
        </message>
        <message>
            <source>A personal ID number has 12 digits.</source>
            <translation>Số định danh cá nhân gồm 12 chữ số.</translation>
        </message>
        <message>
            <source>The date of birth is in the future.</source>
            <translation>Ngày sinh ở tương lai.</translation>
        </message>
        <message>
            <source>Check the date of birth.</source>
            <translation>Kiểm tra lại ngày sinh.</translation>
        </message>
        <message>
            <source>The issue date must not be in the future or before the birth date.</source>
            <translation>Ngày cấp không được ở tương lai hoặc trước ngày sinh.</translation>
        </message>
        <message>
            <source>Check the representative's phone number.</source>
            <translation>Kiểm tra lại số điện thoại của người được ủy quyền.</translation>
        </message>
        <message>
            <source>A required document of the checklist is missing.</source>
            <translation>Thiếu một giấy tờ bắt buộc trong thành phần hồ sơ.</translation>
        </message>
        <message>
            <source>A required document is not ticked as received.</source>
            <translation>Có giấy tờ bắt buộc chưa được đánh dấu đã nhận.</translation>
        </message>
        <message>
            <source>Write why the dossier is accepted without the missing documents.</source>
            <translation>Ghi lý do tiếp nhận hồ sơ khi còn thiếu giấy tờ.</translation>
        </message>
        <message>
            <source>This desk is not authorised to receive dossiers for this unit; the portal administrator must grant it, then synchronise.</source>
            <translation>Máy này chưa được cấp quyền tiếp nhận hồ sơ cho đơn vị này; quản trị cổng cần cấp quyền, sau đó đồng bộ.</translation>
        </message>
        <message>
            <source>Give the destination unit's identifier, e.g. 000.00.06.H56.</source>
            <translation>Nhập mã định danh đơn vị nhận, ví dụ 000.00.06.H56.</translation>
        </message>
    </context>
    <context>
        <name>RecoveryKeyDialog</name>
        <message>
            <source>Recovery key</source>
            <translation>Mã khôi phục</translation>
        </message>
        <message>
            <source>This is the recovery key of the local store. It is shown only once. Write it down or print it and keep it locked away: with it, an administrator can open the store if every password is lost.</source>
            <translation>Đây là mã khôi phục của kho dữ liệu trên máy. Mã chỉ hiển thị một lần. Hãy ghi lại hoặc in ra và cất giữ cẩn thận: khi mọi mật khẩu đều bị quên, quản trị viên dùng mã này để mở kho dữ liệu.</translation>
        </message>
        <message>
            <source>I have &amp;written down the recovery key</source>
            <translation>Tôi đã &amp;ghi lại mã khôi phục</translation>
        </message>
        <message>
            <source>C&amp;ontinue</source>
            <translation>&amp;Tiếp tục</translation>
        </message>
        <message>
            <source>&amp;Print</source>
            <translation>&amp;In</translation>
        </message>
        <message>
            <source>Cop&amp;y</source>
            <translation>&amp;Sao chép</translation>
        </message>
        <message>
            <source>MotCua Desk recovery key</source>
            <translation>Mã khôi phục MotCua Desk</translation>
        </message>
        <message>
            <source>Keep this sheet locked away. Anyone holding it can open the store.</source>
            <translation>Cất giữ tờ này ở nơi an toàn. Ai có tờ này đều có thể mở kho dữ liệu.</translation>
        </message>
        <message>
            <source>Unit: %1 – %2</source>
            <translation>Đơn vị: %1 – %2</translation>
        </message>
        <message>
            <source>Made on: %1</source>
            <translation>Ngày tạo: %1</translation>
        </message>
        <message>
            <source>Read the groups row by row, left to right. At the sign-in screen: “Forgot the password? Use the recovery key”.</source>
            <translation>Đọc các nhóm theo từng hàng, từ trái sang phải. Dùng ở màn hình đăng nhập: “Quên mật khẩu / dùng mã khôi phục”.</translation>
        </message>
    </context>
    <context>
        <name>RecoveryUnlockDialog</name>
        <message>
            <source>Open with the recovery key</source>
            <translation>Mở bằng mã khôi phục</translation>
        </message>
        <message>
            <source>Type the recovery key printed when this desk was set up (10 groups of 4 letters and digits; dashes and spaces do not matter).</source>
            <translation>Nhập mã khôi phục đã in khi thiết lập máy này (10 nhóm, mỗi nhóm 4 chữ cái và chữ số; dấu gạch và khoảng trắng không quan trọng).</translation>
        </message>
        <message>
            <source>Recovery &amp;key:</source>
            <translation>Mã &amp;khôi phục:</translation>
        </message>
        <message>
            <source>&amp;Administrator:</source>
            <translation>Tài khoản &amp;quản trị:</translation>
        </message>
        <message>
            <source>New &amp;password:</source>
            <translation>Mật khẩu &amp;mới:</translation>
        </message>
        <message>
            <source>&amp;Repeat password:</source>
            <translation>Nhập &amp;lại mật khẩu:</translation>
        </message>
        <message>
            <source>&amp;Continue</source>
            <translation>&amp;Tiếp tục</translation>
        </message>
        <message>
            <source>Set password and &amp;sign in</source>
            <translation>Đặt mật khẩu và đăng &amp;nhập</translation>
        </message>
        <message>
            <source>The recovery key is correct. Choose the administrator account and give it a new password.</source>
            <translation>Mã khôi phục đúng. Hãy chọn tài khoản quản trị và đặt mật khẩu mới cho tài khoản đó.</translation>
        </message>
        <message>
            <source>The key has 40 letters and digits; %1 were typed.</source>
            <translation>Mã gồm 40 chữ cái và chữ số; bạn đã nhập %1.</translation>
        </message>
        <message>
            <source>This is not the recovery key of this desk.</source>
            <translation>Đây không phải mã khôi phục của máy này.</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <source>Citizens satisfied (survey)</source>
            <translation>Người dân hài lòng (khảo sát)</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Báo cáo</translation>
        </message>
        <message>
            <source>Reports will come here: the tracking register and statistics as PDF and Excel.</source>
            <translation>Báo cáo sẽ có ở đây: sổ theo dõi hồ sơ và số liệu thống kê, xuất ra PDF và Excel.</translation>
        </message>
        <message>
            <source>Save the tracking register</source>
            <translation>Lưu sổ theo dõi hồ sơ</translation>
        </message>
        <message>
            <source>PDF (*.pdf);;Excel (*.xlsx);;CSV (*.csv)</source>
            <translation>PDF (*.pdf);;Excel (*.xlsx);;CSV (*.csv)</translation>
        </message>
        <message>
            <source>&amp;From</source>
            <translation>&amp;Từ ngày</translation>
        </message>
        <message>
            <source>&amp;To</source>
            <translation>Đến ngà&amp;y</translation>
        </message>
        <message>
            <source>This &amp;month</source>
            <translation>Tháng &amp;này</translation>
        </message>
        <message>
            <source>&amp;Last month</source>
            <translation>Tháng t&amp;rước</translation>
        </message>
        <message>
            <source>&amp;Show</source>
            <translation>&amp;Xem</translation>
        </message>
        <message>
            <source>&amp;Print report…</source>
            <translation>&amp;In báo cáo…</translation>
        </message>
        <message>
            <source>Save the &amp;register…</source>
            <translation>Lưu &amp;sổ theo dõi…</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Đã tiếp nhận</translation>
        </message>
        <message>
            <source>Results returned</source>
            <translation>Đã trả kết quả</translation>
        </message>
        <message>
            <source>Returned on time</source>
            <translation>Trả đúng hạn</translation>
        </message>
        <message>
            <source>Overdue, still being processed</source>
            <translation>Quá hạn, đang giải quyết</translation>
        </message>
        <message>
            <source>Returned by post</source>
            <translation>Trả qua bưu chính</translation>
        </message>
        <message>
            <source>Not yet accepted by the portal</source>
            <translation>Chưa được cổng tiếp nhận</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Dossiers</source>
            <translation>Số hồ sơ</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Hình thức nộp</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Mã</translation>
        </message>
        <message>
            <source>Procedure</source>
            <translation>Thủ tục</translation>
        </message>
        <message>
            <source>Official</source>
            <translation>Cán bộ tiếp nhận</translation>
        </message>
        <message>
            <source>By status</source>
            <translation>Theo trạng thái</translation>
        </message>
        <message>
            <source>By channel</source>
            <translation>Theo hình thức nộp</translation>
        </message>
        <message>
            <source>By procedure</source>
            <translation>Theo thủ tục</translation>
        </message>
        <message>
            <source>By official</source>
            <translation>Theo cán bộ tiếp nhận</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>Đang tổng hợp…</translation>
        </message>
        <message>
            <source>Show a report first, then print it.</source>
            <translation>Hãy xem báo cáo trước, rồi mới in.</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Báo cáo</translation>
        </message>
        <message>
            <source>Report %1 – %2</source>
            <translation>Báo cáo %1 – %2</translation>
        </message>
        <message>
            <source>Writing the register…</source>
            <translation>Đang ghi sổ theo dõi…</translation>
        </message>
        <message>
            <source>Register saved: %1 dossiers in %2</source>
            <translation>Đã lưu sổ theo dõi: %1 hồ sơ vào %2</translation>
        </message>
    </context>
    <context>
        <name>ResetPasswordDialog</name>
        <message>
            <source>Reset password</source>
            <translation>Đặt lại mật khẩu</translation>
        </message>
        <message>
            <source>New &amp;password:</source>
            <translation>Mật khẩu &amp;mới:</translation>
        </message>
        <message>
            <source>&amp;Repeat password:</source>
            <translation>Nhập &amp;lại mật khẩu:</translation>
        </message>
        <message>
            <source>New password for %1. They must choose their own when they next sign in.</source>
            <translation>Mật khẩu mới cho %1. Cán bộ phải tự chọn mật khẩu riêng khi đăng nhập lần tới.</translation>
        </message>
        <message>
            <source>The account will be active again.</source>
            <translation>Tài khoản sẽ hoạt động trở lại.</translation>
        </message>
    </context>
    <context>
        <name>ResultPanel</name>
        <message>
            <source>Dossier %1 saved, waiting for supplements — request for supplements (form 02) printed.</source>
            <translation>Đã lưu hồ sơ %1, chờ bổ sung — đã in phiếu yêu cầu bổ sung (mẫu 02).</translation>
        </message>
        <message>
            <source>Print again (Ctrl+P)</source>
            <translation>In lại (Ctrl+P)</translation>
        </message>
        <message>
            <source>Dossier %1 saved. Appointment: %2.</source>
            <translation>Đã lưu hồ sơ %1. Hẹn trả: %2.</translation>
        </message>
        <message>
            <source>Dossier %1 was already saved from this draft. Appointment: %2.</source>
            <translation>Hồ sơ %1 đã được lưu từ bản nháp này. Hẹn trả: %2.</translation>
        </message>
        <message>
            <source>Dossier %1 saved — printing the receipt…</source>
            <translation>Đã lưu hồ sơ %1 — đang in biên nhận…</translation>
        </message>
        <message>
            <source>Dossier %1 saved — receipt printed.</source>
            <translation>Đã lưu hồ sơ %1 — đã in biên nhận.</translation>
        </message>
        <message>
            <source>Dossier %1 saved — the receipt could not be printed (%2). Use “Print again”.</source>
            <translation>Đã lưu hồ sơ %1 — chưa in được biên nhận (%2). Bấm “In lại”.</translation>
        </message>
        <message>
            <source>Dossier %1 saved, waiting for supplements: no appointment until the missing documents arrive.</source>
            <translation>Đã lưu hồ sơ %1, chờ bổ sung: chưa hẹn trả cho đến khi nộp đủ giấy tờ còn thiếu.</translation>
        </message>
    </context>
    <context>
        <name>RoleDialog</name>
        <message>
            <source>Change role</source>
            <translation>Đổi vai trò</translation>
        </message>
        <message>
            <source>&amp;Role:</source>
            <translation>&amp;Vai trò:</translation>
        </message>
        <message>
            <source>New role of %1:</source>
            <translation>Vai trò mới của %1:</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Backups</source>
            <translation>Sao lưu</translation>
        </message>
        <message>
            <source>Calendar</source>
            <translation>Lịch làm việc</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Cài đặt</translation>
        </message>
        <message>
            <source> min</source>
            <translation> phút</translation>
        </message>
        <message>
            <source>&amp;Lock the desk after being idle for:</source>
            <translation>&amp;Khóa màn hình khi không thao tác trong:</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Ngôn ngữ:</translation>
        </message>
        <message>
            <source>e.g. 192.168.1.20; may-quet-tang-2.local</source>
            <translation>ví dụ 192.168.1.20; may-quet-tang-2.local</translation>
        </message>
        <message>
            <source>&amp;Network scanners not found by themselves:</source>
            <translation>&amp;Máy quét mạng không tự tìm thấy:</translation>
        </message>
        <message>
            <source>e.g. \\may-chu\scan; D:\Scan</source>
            <translation>ví dụ \\may-chu\scan; D:\Scan</translation>
        </message>
        <message>
            <source>&amp;Folders scanners save into:</source>
            <translation>&amp;Thư mục máy quét lưu tệp vào:</translation>
        </message>
        <message>
            <source>A new language takes effect the next time MotCua Desk starts.</source>
            <translation>Ngôn ngữ mới được áp dụng từ lần khởi động MotCua Desk tiếp theo.</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Lưu</translation>
        </message>
        <message>
            <source>Settings saved.</source>
            <translation>Đã lưu cài đặt.</translation>
        </message>
        <message>
            <source>General</source>
            <translation>Chung</translation>
        </message>
        <message>
            <source>Officials</source>
            <translation>Cán bộ</translation>
        </message>
        <message>
            <source>&amp;Change my password…</source>
            <translation>Đổ&amp;i mật khẩu của tôi…</translation>
        </message>
        <message>
            <source>Still to set up</source>
            <translation>Cần thiết lập</translation>
        </message>
    </context>
    <context>
        <name>SetupScreen</name>
        <message>
            <source>Restore from a &amp;backup (a new computer)…</source>
            <translation>Khôi phục từ &amp;bản sao lưu (máy mới)…</translation>
        </message>
        <message>
            <source>Backup to restore</source>
            <translation>Bản sao lưu cần khôi phục</translation>
        </message>
        <message>
            <source>MotCua Desk backups (*.zip)</source>
            <translation>Bản sao lưu MotCua Desk (*.zip)</translation>
        </message>
        <message>
            <source>MotCua Desk – First-time setup</source>
            <translation>MotCua Desk – Thiết lập ban đầu</translation>
        </message>
        <message>
            <source>First-time setup</source>
            <translation>Thiết lập ban đầu</translation>
        </message>
        <message>
            <source>This computer has no local store yet. Enter the unit's details and create the first administrator account. The data on this computer will be encrypted.</source>
            <translation>Máy này chưa có kho dữ liệu. Hãy nhập thông tin đơn vị và tạo tài khoản quản trị viên đầu tiên. Dữ liệu trên máy sẽ được mã hóa.</translation>
        </message>
        <message>
            <source>e.g. Public Administration Service Centre of Tân Lập commune</source>
            <translation>VD: Trung tâm Phục vụ hành chính công xã Tân Lập</translation>
        </message>
        <message>
            <source>Unit &amp;identifier (mã định danh):</source>
            <translation>&amp;Mã định danh đơn vị:</translation>
        </message>
        <message>
            <source>Unit &amp;name:</source>
            <translation>&amp;Tên đơn vị:</translation>
        </message>
        <message>
            <source>Administrator &amp;user name:</source>
            <translation>Tên đăng nhập &amp;quản trị viên:</translation>
        </message>
        <message>
            <source>Administrator &amp;full name:</source>
            <translation>&amp;Họ và tên quản trị viên:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>Mật &amp;khẩu:</translation>
        </message>
        <message>
            <source>&amp;Repeat password:</source>
            <translation>&amp;Nhập lại mật khẩu:</translation>
        </message>
        <message>
            <source>&amp;Create store</source>
            <translation>Tạo kho &amp;dữ liệu</translation>
        </message>
        <message>
            <source>Enter the unit's electronic identifier.</source>
            <translation>Hãy nhập mã định danh điện tử của đơn vị.</translation>
        </message>
        <message>
            <source>Use the form 000.00.06.H56 (four groups separated by dots).</source>
            <translation>Nhập theo dạng 000.00.06.H56 (bốn nhóm, cách nhau bằng dấu chấm).</translation>
        </message>
        <message>
            <source>Enter the unit's full name as printed on receipts.</source>
            <translation>Hãy nhập tên đầy đủ của đơn vị như in trên giấy tiếp nhận.</translation>
        </message>
        <message>
            <source>3–32 characters: lower-case letters without accents, digits, '.', '_' or '-'.</source>
            <translation>Từ 3 đến 32 ký tự: chữ thường không dấu, chữ số, dấu “.”, “_” hoặc “-”.</translation>
        </message>
        <message>
            <source>Enter the administrator's full name.</source>
            <translation>Hãy nhập họ và tên quản trị viên.</translation>
        </message>
        <message>
            <source>At least %1 characters.</source>
            <translation>Ít nhất %1 ký tự.</translation>
        </message>
        <message>
            <source>The two passwords are not the same.</source>
            <translation>Hai mật khẩu không giống nhau.</translation>
        </message>
        <message>
            <source>Creating…</source>
            <translation>Đang tạo…</translation>
        </message>
        <message>
            <source>&amp;Later</source>
            <translation>&amp;Để sau</translation>
        </message>
    </context>
    <context>
        <name>SummaryBar</name>
        <message>
            <source>Counted over the estimated calendar of %1, not yet confirmed</source>
            <translation>Tính qua lịch nghỉ dự kiến năm %1, chưa được xác nhận</translation>
        </message>
        <message>
            <source>Confirm (Ctrl+Enter)</source>
            <translation>Xác nhận (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Appointment: %1</source>
            <translation>Hẹn trả: %1</translation>
        </message>
        <message>
            <source>Appointment: —</source>
            <translation>Hẹn trả: —</translation>
        </message>
        <message>
            <source>Fee: %1</source>
            <translation>Phí, lệ phí: %1</translation>
        </message>
        <message>
            <source>Fee: —</source>
            <translation>Phí, lệ phí: —</translation>
        </message>
        <message>
            <source>%1 things to fix: %2</source>
            <translation>%1 mục cần sửa: %2</translation>
        </message>
        <message>
            <source>Ready to confirm.</source>
            <translation>Sẵn sàng xác nhận.</translation>
        </message>
        <message>
            <source>Appointment: none until the missing documents arrive</source>
            <translation>Hẹn trả: chưa có cho đến khi nộp đủ giấy tờ còn thiếu</translation>
        </message>
        <message>
            <source>A required document is missing: confirming records a request for supplements (form 02) with no appointment, unless you write why the dossier is accepted without it.</source>
            <translation>Thiếu giấy tờ bắt buộc: xác nhận sẽ ghi phiếu yêu cầu bổ sung (mẫu 02), không hẹn trả, trừ khi bạn ghi lý do vẫn tiếp nhận.</translation>
        </message>
    </context>
    <context>
        <name>SyncPage</name>
        <message>
            <source>%1 refused by the portal.</source>
            <translation>%1 hồ sơ bị cổng từ chối.</translation>
        </message>
        <message>
            <source>Up to date at %1.</source>
            <translation>Đã cập nhật lúc %1, không có gì mới.</translation>
        </message>
        <message>
            <source>This desk is not enrolled with a portal yet, so nothing is sent. An administrator enrols it with “Enrol with the portal…” on this page.</source>
            <translation>Máy này chưa đăng ký với cổng nên chưa gửi được gì. Quản trị viên đăng ký máy bằng nút “Đăng ký với cổng…” trên trang này.</translation>
        </message>
        <message>
            <source>Nothing is waiting to be sent, so no bundle is needed. Items already in an earlier bundle stay out until it is delivered.</source>
            <translation>Không có gì đang chờ gửi nên không cần tạo gói. Hồ sơ đã nằm trong gói trước sẽ không được đưa vào lại cho đến khi gói đó được giao.</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Bị từ chối</translation>
        </message>
        <message>
            <source>Retrying</source>
            <translation>Đang thử lại</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Chờ gửi</translation>
        </message>
        <message>
            <source>Sync with the central portal</source>
            <translation>Đồng bộ với cổng dịch vụ công</translation>
        </message>
        <message>
            <source>Reading the sync state…</source>
            <translation>Đang đọc trạng thái đồng bộ…</translation>
        </message>
        <message>
            <source>Waiting to be sent</source>
            <translation>Chờ gửi</translation>
        </message>
        <message>
            <source>Dossier code</source>
            <translation>Mã hồ sơ</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Tình trạng</translation>
        </message>
        <message>
            <source>Attempts</source>
            <translation>Số lần thử</translation>
        </message>
        <message>
            <source>Next attempt</source>
            <translation>Thử lại lúc</translation>
        </message>
        <message>
            <source>Reason (the portal's words)</source>
            <translation>Lý do (nguyên văn của cổng)</translation>
        </message>
        <message>
            <source>Status changes from the portal</source>
            <translation>Thay đổi trạng thái từ cổng</translation>
        </message>
        <message>
            <source>New status</source>
            <translation>Trạng thái mới</translation>
        </message>
        <message>
            <source>At</source>
            <translation>Lúc</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>&amp;Sync now (F5)</source>
            <translation>Đồng bộ &amp;ngay (F5)</translation>
        </message>
        <message>
            <source>&amp;Retry selected</source>
            <translation>&amp;Thử lại mục đã chọn</translation>
        </message>
        <message>
            <source>&amp;Open dossier</source>
            <translation>&amp;Mở hồ sơ</translation>
        </message>
        <message>
            <source>Export &amp;USB bundle…</source>
            <translation>Xuất gói &amp;USB…</translation>
        </message>
        <message>
            <source>&amp;Enrol with the portal…</source>
            <translation>Đăng &amp;ký với cổng…</translation>
        </message>
        <message>
            <source>&amp;Metered link: send details only, keep scans for later</source>
            <translation>Mạng &amp;trả phí theo dung lượng: chỉ gửi thông tin, bản quét gửi sau</translation>
        </message>
        <message>
            <source>Synced at %1: %2 sent, %3 status changes received.</source>
            <translation>Đã đồng bộ lúc %1: gửi %2, nhận %3 thay đổi trạng thái.</translation>
        </message>
        <message>
            <source>The portal cannot be reached; the desk will retry by itself.</source>
            <translation>Chưa kết nối được cổng; máy sẽ tự thử lại.</translation>
        </message>
        <message>
            <source>Waiting to be sent: %1</source>
            <translation>Chờ gửi: %1</translation>
        </message>
        <message>
            <source>refused by the portal: %1</source>
            <translation>bị cổng từ chối: %1</translation>
        </message>
        <message>
            <source>Portal: %1</source>
            <translation>Cổng: %1</translation>
        </message>
        <message>
            <source>Last successful sync: %1</source>
            <translation>Đồng bộ thành công lần cuối: %1</translation>
        </message>
        <message>
            <source>Last problem: %1</source>
            <translation>Sự cố gần nhất: %1</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>Đang đồng bộ…</translation>
        </message>
        <message>
            <source>Choose an item in the list first.</source>
            <translation>Hãy chọn một mục trong danh sách trước.</translation>
        </message>
        <message>
            <source>%1 will be sent again now.</source>
            <translation>%1 sẽ được gửi lại ngay.</translation>
        </message>
        <message>
            <source>Export USB bundle</source>
            <translation>Xuất gói USB</translation>
        </message>
        <message>
            <source>MotCua bundle (*.mcbundle)</source>
            <translation>Gói MotCua (*.mcbundle)</translation>
        </message>
        <message>
            <source>Writing the bundle…</source>
            <translation>Đang ghi gói…</translation>
        </message>
        <message>
            <source>Wrote %1: %2 dossiers, %3 scans. Take it to the portal administrator; the dossiers show as delivered after the next sync that reaches the portal.</source>
            <translation>Đã ghi %1: %2 hồ sơ, %3 bản quét. Hãy mang gói đến quản trị viên cổng; hồ sơ sẽ hiện là đã gửi sau lần đồng bộ kế tiếp kết nối được với cổng.</translation>
        </message>
        <message>
            <source>New dossier</source>
            <translation>Hồ sơ mới</translation>
        </message>
        <message>
            <source>Dossier corrected</source>
            <translation>Sửa hồ sơ</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Sự kiện</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>The portal said: %1</source>
            <translation>Cổng trả lời: %1</translation>
        </message>
        <message>
            <source>the portal could not be reached (%1); the desk retries by itself.</source>
            <translation>không kết nối được cổng (%1); máy sẽ tự thử lại.</translation>
        </message>
        <message>
            <source>This is the training store (sample data): it is never synced with the portal and no USB bundle can be made from it.</source>
            <translation>Đây là bản tập huấn (dữ liệu mẫu): không bao giờ được đồng bộ với cổng dịch vụ công và không thể xuất gói USB.</translation>
        </message>
    </context>
    <context>
        <name>ThumbStrip</name>
        <message>
            <source>Page %1</source>
            <translation>Trang %1</translation>
        </message>
    </context>
    <context>
        <name>UsersPanel</name>
        <message>
            <source>User name</source>
            <translation>Tên đăng nhập</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Vai trò</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Officials</source>
            <translation>Cán bộ</translation>
        </message>
        <message>
            <source>&amp;Add official…</source>
            <translation>&amp;Thêm cán bộ…</translation>
        </message>
        <message>
            <source>Change r&amp;ole…</source>
            <translation>Đổi &amp;vai trò…</translation>
        </message>
        <message>
            <source>Reset pass&amp;word…</source>
            <translation>Đặt lại &amp;mật khẩu…</translation>
        </message>
        <message>
            <source>&amp;Deactivate…</source>
            <translation>&amp;Ngừng hoạt động…</translation>
        </message>
        <message>
            <source>Deactivated</source>
            <translation>Đã ngừng hoạt động</translation>
        </message>
        <message>
            <source>Active – must choose a new password</source>
            <translation>Đang hoạt động – phải tự chọn mật khẩu mới</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Đang hoạt động</translation>
        </message>
        <message>
            <source>%1 was added.</source>
            <translation>Đã thêm %1.</translation>
        </message>
        <message>
            <source>%1 is now: %2.</source>
            <translation>%1 nay là: %2.</translation>
        </message>
        <message>
            <source>The password of %1 was reset.</source>
            <translation>Đã đặt lại mật khẩu của %1.</translation>
        </message>
        <message>
            <source>Deactivate official</source>
            <translation>Ngừng hoạt động cán bộ</translation>
        </message>
        <message>
            <source>Deactivate %1? Their key is removed from this desk and they can no longer sign in, until an administrator resets their password.</source>
            <translation>Ngừng hoạt động %1? Khóa của cán bộ này bị xóa khỏi máy và họ không đăng nhập được nữa, cho tới khi quản trị viên đặt lại mật khẩu.</translation>
        </message>
        <message>
            <source>&amp;Deactivate</source>
            <translation>&amp;Ngừng hoạt động</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <source>%1 was deactivated.</source>
            <translation>Đã ngừng hoạt động %1.</translation>
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
            <translation>Chụp ảnh (Space)</translation>
        </message>
        <message>
            <source>Use photos</source>
            <translation>Dùng các ảnh này</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <source>Hold the sheet flat in front of the camera, filling the picture.</source>
            <translation>Giữ tờ giấy phẳng trước camera, chiếm gần hết khung hình.</translation>
        </message>
        <message>
            <source>No camera was found on this computer. Connect a webcam, or take the photo with a phone and use "Import files / phone photo…".</source>
            <translation>Không tìm thấy camera trên máy này. Hãy cắm webcam, hoặc chụp bằng điện thoại rồi dùng "Nhập tệp / ảnh điện thoại…".</translation>
        </message>
        <message>
            <source>%1 photo(s) taken.</source>
            <translation>Đã chụp %1 ảnh.</translation>
        </message>
        <message>
            <source>The camera reported a problem: %1</source>
            <translation>Camera báo lỗi: %1</translation>
        </message>
        <message>
            <source>webcam photo %1</source>
            <translation>ảnh webcam %1</translation>
        </message>
    </context>
    <context>
        <name>accounts</name>
        <message>
            <source>The new password must differ from the current one.</source>
            <translation>Mật khẩu mới phải khác mật khẩu hiện tại.</translation>
        </message>
        <message>
            <source>Only an administrator may do this.</source>
            <translation>Chỉ quản trị viên được làm việc này.</translation>
        </message>
        <message>
            <source>At least %1 characters.</source>
            <translation>Ít nhất %1 ký tự.</translation>
        </message>
        <message>
            <source>The two passwords are not the same.</source>
            <translation>Hai mật khẩu không giống nhau.</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>Đồng ý</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <source>%(username) already exists and is deactivated: reset their password to let them work again.</source>
            <translation>%(username) đã có và đang ngừng hoạt động: hãy đặt lại mật khẩu để cán bộ làm việc trở lại.</translation>
        </message>
        <message>
            <source>%(username) is already deactivated.</source>
            <translation>%(username) đã ngừng hoạt động rồi.</translation>
        </message>
        <message>
            <source>%(username) is the last active administrator. Make another official an administrator first.</source>
            <translation>%(username) là quản trị viên cuối cùng đang hoạt động. Hãy giao vai trò quản trị cho một cán bộ khác trước.</translation>
        </message>
        <message>
            <source>A user name has 3–32 lower-case letters, digits, “.”, “_” or “-”.</source>
            <translation>Tên đăng nhập gồm 3–32 chữ thường, chữ số, “.”, “_” hoặc “-”.</translation>
        </message>
        <message>
            <source>At least %(min) characters.</source>
            <translation>Ít nhất %(min) ký tự.</translation>
        </message>
        <message>
            <source>Choose a role from the list.</source>
            <translation>Chọn một vai trò trong danh sách.</translation>
        </message>
        <message>
            <source>Enter the full name.</source>
            <translation>Nhập họ và tên.</translation>
        </message>
        <message>
            <source>The name is longer than %(max) characters.</source>
            <translation>Tên dài quá %(max) ký tự.</translation>
        </message>
        <message>
            <source>The user name %(username) is already taken.</source>
            <translation>Tên đăng nhập %(username) đã có người dùng.</translation>
        </message>
        <message>
            <source>There is no official %(username).</source>
            <translation>Không có cán bộ %(username).</translation>
        </message>
        <message>
            <source>The user name %1 is already taken.</source>
            <translation>Tên đăng nhập %1 đã có người dùng.</translation>
        </message>
        <message>
            <source>%1 already exists and is deactivated: reset their password to let them work again.</source>
            <translation>%1 đã có và đang ngừng hoạt động: hãy đặt lại mật khẩu để cán bộ làm việc trở lại.</translation>
        </message>
        <message>
            <source>There is no official %1.</source>
            <translation>Không có cán bộ %1.</translation>
        </message>
        <message>
            <source>%1 is the last active administrator. Make another official an administrator first.</source>
            <translation>%1 là quản trị viên cuối cùng đang hoạt động. Hãy giao vai trò quản trị cho một cán bộ khác trước.</translation>
        </message>
        <message>
            <source>%1 is already deactivated.</source>
            <translation>%1 đã ngừng hoạt động rồi.</translation>
        </message>
    </context>
    <context>
        <name>auth</name>
        <message>
            <source>Too many failed attempts. The account is locked for a while.</source>
            <translation>Đăng nhập sai quá nhiều lần. Tài khoản tạm thời bị khóa.</translation>
        </message>
        <message>
            <source>Too many failed attempts. Try again in %1 min (at %2).</source>
            <translation>Đăng nhập sai quá nhiều lần. Hãy thử lại sau %1 phút (lúc %2).</translation>
        </message>
        <message>
            <source>Wrong user name or password.</source>
            <translation>Sai tên đăng nhập hoặc mật khẩu.</translation>
        </message>
        <message>
            <source>This account has been deactivated. Ask an administrator to reset its password to use it again.</source>
            <translation>Tài khoản này đã bị ngừng hoạt động. Hãy nhờ quản trị viên đặt lại mật khẩu để dùng lại.</translation>
        </message>
        <message>
            <source>Wrong password.</source>
            <translation>Sai mật khẩu.</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>Invalid input</source>
            <translation>Dữ liệu chưa hợp lệ</translation>
        </message>
        <message>
            <source>Not found</source>
            <translation>Không tìm thấy</translation>
        </message>
        <message>
            <source>Sign-in failed</source>
            <translation>Đăng nhập không thành công</translation>
        </message>
        <message>
            <source>Account locked</source>
            <translation>Tài khoản bị khóa</translation>
        </message>
        <message>
            <source>Not allowed</source>
            <translation>Không có quyền</translation>
        </message>
        <message>
            <source>Local store problem</source>
            <translation>Lỗi kho dữ liệu trên máy</translation>
        </message>
        <message>
            <source>No local store</source>
            <translation>Chưa có kho dữ liệu</translation>
        </message>
        <message>
            <source>Store already exists</source>
            <translation>Kho dữ liệu đã tồn tại</translation>
        </message>
        <message>
            <source>Local store damaged</source>
            <translation>Kho dữ liệu bị hỏng</translation>
        </message>
        <message>
            <source>Store from a newer version</source>
            <translation>Kho dữ liệu của phiên bản mới hơn</translation>
        </message>
        <message>
            <source>Upgrade failed</source>
            <translation>Nâng cấp không thành công</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Lỗi</translation>
        </message>
        <message>
            <source>The operation could not be completed.</source>
            <translation>Không thực hiện được thao tác.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <source>If it happens again, send this file to your administrator: %1</source>
            <translation>Nếu lỗi lặp lại, hãy gửi tệp này cho quản trị viên: %1</translation>
        </message>
        <message>
            <source>MotCua Desk closed unexpectedly last time (the run started at %1). Work that was already saved is safe; an unfinished reception can be continued from its draft.</source>
            <translation>Lần trước MotCua Desk đã bị đóng đột ngột (phiên bắt đầu lúc %1). Dữ liệu đã lưu vẫn an toàn; lượt tiếp nhận đang dở có thể tiếp tục từ bản nháp.</translation>
        </message>
        <message>
            <source>The app closed unexpectedly</source>
            <translation>Ứng dụng đã bị đóng đột ngột</translation>
        </message>
    </context>
    <context>
        <name>roles</name>
        <message>
            <source>Administrator</source>
            <translation>Quản trị viên</translation>
        </message>
        <message>
            <source>Receiving official</source>
            <translation>Cán bộ tiếp nhận</translation>
        </message>
        <message>
            <source>Post-office agent</source>
            <translation>Nhân viên bưu điện</translation>
        </message>
        <message>
            <source>Community digital team member</source>
            <translation>Thành viên tổ công nghệ số cộng đồng</translation>
        </message>
        <message>
            <source>Supervisor</source>
            <translation>Lãnh đạo, giám sát</translation>
        </message>
    </context>
    <context>
        <name>status</name>
        <message>
            <source>under 1 min</source>
            <translation>dưới 1 phút</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 phút</translation>
        </message>
        <message>
            <source>%1 h</source>
            <translation>%1 giờ</translation>
        </message>
        <message>
            <source>%1 days</source>
            <translation>%1 ngày</translation>
        </message>
        <message>
            <source>Nothing waiting to sync</source>
            <translation>Không có gì chờ đồng bộ</translation>
        </message>
        <message>
            <source>Waiting to sync: %1</source>
            <translation>Chờ đồng bộ: %1</translation>
        </message>
        <message>
            <source>oldest: %1</source>
            <translation>cũ nhất: %1</translation>
        </message>
        <message>
            <source>refused: %1</source>
            <translation>bị từ chối: %1</translation>
        </message>
        <message>
            <source>Fetching news from the portal…</source>
            <translation>Đang nhận thông tin mới từ cổng…</translation>
        </message>
        <message>
            <source>Sending %1/%2</source>
            <translation>Đang gửi %1/%2</translation>
        </message>
        <message>
            <source>Not enrolled with the portal</source>
            <translation>Chưa đăng ký với cổng</translation>
        </message>
        <message>
            <source>The portal refused this desk · enrol again</source>
            <translation>Cổng từ chối máy này · cần đăng ký lại</translation>
        </message>
        <message>
            <source>Connecting to the portal…</source>
            <translation>Đang kết nối cổng…</translation>
        </message>
        <message>
            <source>Online · portal connected</source>
            <translation>Trực tuyến · đã kết nối cổng</translation>
        </message>
        <message>
            <source>Offline · will retry by itself</source>
            <translation>Ngoại tuyến · sẽ tự thử lại</translation>
        </message>
        <message>
            <source>News from the portal: %1</source>
            <translation>Tin mới từ cổng: %1</translation>
        </message>
        <message>
            <source>(and %1 more)</source>
            <translation>(và %1 hồ sơ khác)</translation>
        </message>
        <message>
            <source>%1 appointments count over holidays the administrator has not confirmed.</source>
            <translation>%1 hồ sơ có ngày hẹn tính qua ngày nghỉ quản trị viên chưa xác nhận.</translation>
        </message>
        <message>
            <source>%1 due soon</source>
            <translation>%1 sắp đến hạn</translation>
        </message>
        <message>
            <source>%1 on unconfirmed holidays</source>
            <translation>%1 tính qua ngày nghỉ chưa xác nhận</translation>
        </message>
        <message>
            <source>%1 overdue</source>
            <translation>%1 quá hạn</translation>
        </message>
        <message>
            <source>Early warning for the unit: %1 dossiers overdue, %2 due within %3 working days.</source>
            <translation>Cảnh báo sớm của đơn vị: %1 hồ sơ quá hạn, %2 hồ sơ đến hạn trong %3 ngày làm việc.</translation>
        </message>
        <message>
            <source>Early warning for your dossiers: %1 overdue, %2 due within %3 working days.</source>
            <translation>Cảnh báo sớm hồ sơ của bạn: %1 quá hạn, %2 đến hạn trong %3 ngày làm việc.</translation>
        </message>
        <message>
            <source>Longest overdue: %1.</source>
            <translation>Quá hạn lâu nhất: %1.</translation>
        </message>
    </context>
    <context>
        <name>Problems</name>
        <message>
            <source>The folder %(folder) does not exist on this computer; nothing was saved.</source>
            <translation>Thư mục %(folder) không có trên máy này; chưa lưu gì.</translation>
        </message>
        <message>
            <source>“%(address)” is not a scanner address: write it as 192.168.1.20 or http://scanner.local; nothing was saved.</source>
            <translation>“%(address)” không phải địa chỉ máy quét: hãy ghi dạng 192.168.1.20 hoặc http://scanner.local; chưa lưu gì.</translation>
        </message>
        <message>
            <source>This desk is not authorised to receive dossiers for unit %(unit); the portal administrator must grant it, then synchronise.</source>
            <translation>Máy này chưa được cấp quyền tiếp nhận hồ sơ cho đơn vị %(unit); quản trị cổng cần cấp quyền, sau đó đồng bộ.</translation>
        </message>
        <message>
            <source>Form %(form) cannot be printed for dossier %(code): the dossier has not been through the step this form records, or the set of forms in force on the day it was received has no such form (form 07, the register, is made for a date range, not for one dossier).</source>
            <translation>Không in được mẫu %(form) cho hồ sơ %(code): hồ sơ chưa qua bước xử lý mà mẫu này ghi nhận, hoặc bộ biểu mẫu áp dụng theo ngày tiếp nhận hồ sơ không có mẫu này (mẫu 07, sổ theo dõi hồ sơ, được lập cho một khoảng thời gian, không cho từng hồ sơ).</translation>
        </message>
        <message>
            <source>Something entered or chosen is not valid. Check the marked fields and try again.</source>
            <translation>Có thông tin nhập hoặc lựa chọn chưa hợp lệ. Hãy kiểm tra các ô được đánh dấu rồi thử lại.</translation>
        </message>
        <message>
            <source>What was asked for could not be found.</source>
            <translation>Không tìm thấy nội dung được yêu cầu.</translation>
        </message>
        <message>
            <source>Signing in did not succeed, or your role does not allow this.</source>
            <translation>Đăng nhập không thành công, hoặc vai trò của bạn không được phép làm việc này.</translation>
        </message>
        <message>
            <source>This account is locked for a while after too many wrong passwords.</source>
            <translation>Tài khoản tạm bị khóa do nhập sai mật khẩu quá nhiều lần.</translation>
        </message>
        <message>
            <source>Your role does not allow this.</source>
            <translation>Vai trò của bạn không được phép làm việc này.</translation>
        </message>
        <message>
            <source>The data on this computer cannot be used right now.</source>
            <translation>Hiện chưa dùng được dữ liệu trên máy này.</translation>
        </message>
        <message>
            <source>The data file on this computer is damaged.</source>
            <translation>Tệp dữ liệu trên máy này bị hỏng.</translation>
        </message>
        <message>
            <source>The data on this computer was written by a newer version of MotCua Desk.</source>
            <translation>Dữ liệu trên máy này được ghi bởi phiên bản MotCua Desk mới hơn.</translation>
        </message>
        <message>
            <source>The operation could not be completed. The details are in the log file.</source>
            <translation>Không thực hiện được thao tác. Chi tiết đã được ghi vào tệp nhật ký.</translation>
        </message>
        <message>
            <source>%(action) is not an action on a dossier.</source>
            <translation>%(action) không phải là thao tác trên hồ sơ.</translation>
        </message>
        <message>
            <source>“%(action)” is not possible for a dossier whose status is “%(status)”; nothing was changed.</source>
            <translation>Không thể “%(action)” khi hồ sơ đang ở trạng thái “%(status)”; chưa thay đổi gì.</translation>
        </message>
        <message>
            <source>Your role does not allow “%(action)”; nothing was changed.</source>
            <translation>Vai trò của bạn không được phép “%(action)”; chưa thay đổi gì.</translation>
        </message>
        <message>
            <source>“%(action)” needs the field %(field); fill it in and confirm again.</source>
            <translation>“%(action)” cần ô %(field); hãy điền rồi xác nhận lại.</translation>
        </message>
        <message>
            <source>The field %(field) is not valid; nothing was changed.</source>
            <translation>Ô %(field) không hợp lệ; chưa thay đổi gì.</translation>
        </message>
        <message>
            <source>The field %(field) is longer than the %(max) characters allowed.</source>
            <translation>Ô %(field) dài quá %(max) ký tự cho phép.</translation>
        </message>
        <message>
            <source>The field %(field) has more than the %(max) entries allowed.</source>
            <translation>Ô %(field) có nhiều hơn %(max) mục cho phép.</translation>
        </message>
        <message>
            <source>The dossier is not late and not due within %(days) working days (appointment %(due)): no apology is needed.</source>
            <translation>Hồ sơ chưa quá hạn và chưa đến hạn trong %(days) ngày làm việc (hẹn trả %(due)): không cần xin lỗi.</translation>
        </message>
        <message>
            <source>The new appointment %(new_due) must be later than now and than the current appointment %(due).</source>
            <translation>Hẹn trả mới %(new_due) phải sau thời điểm hiện tại và sau hẹn trả hiện có %(due).</translation>
        </message>
        <message>
            <source>The fee collected must be a whole amount from 0 to the %(due) VND still due.</source>
            <translation>Số phí thu phải là số nguyên từ 0 đến %(due) đồng còn phải thu.</translation>
        </message>
        <message>
            <source>There is no dossier %(code) on this desk.</source>
            <translation>Máy này không có hồ sơ %(code).</translation>
        </message>
        <message>
            <source>No dossier code was found in what was scanned or typed; scan the QR on the receipt again or type the code.</source>
            <translation>Không tìm thấy mã hồ sơ trong nội dung quét hoặc gõ vào; hãy quét lại mã QR trên giấy hẹn hoặc gõ mã hồ sơ.</translation>
        </message>
        <message>
            <source>The personal data of dossier %(code) has been removed; the dossier is closed.</source>
            <translation>Dữ liệu cá nhân của hồ sơ %(code) đã được xoá; hồ sơ đã đóng.</translation>
        </message>
        <message>
            <source>Dossier %(code) cannot be purged: its result has not been returned (status %(status)).</source>
            <translation>Chưa thể xoá dữ liệu hồ sơ %(code): chưa trả kết quả (trạng thái %(status)).</translation>
        </message>
        <message>
            <source>Dossier %(code) cannot be purged: the portal has not confirmed %(waiting) of its changes yet. Synchronise first.</source>
            <translation>Chưa thể xoá dữ liệu hồ sơ %(code): cổng chưa xác nhận %(waiting) thay đổi của hồ sơ. Hãy đồng bộ trước.</translation>
        </message>
        <message>
            <source>Dossier %(code) is kept until %(until) (%(days) days after the return).</source>
            <translation>Hồ sơ %(code) được lưu đến %(until) (%(days) ngày sau khi trả kết quả).</translation>
        </message>
        <message>
            <source>Not applied: the portal changed dossier %(code) from “%(from)” to “%(to)”, which the process does not allow. Check the dossier with the processing body.</source>
            <translation>Không áp dụng: cổng chuyển hồ sơ %(code) từ “%(from)” sang “%(to)”, quy trình không cho phép. Hãy kiểm tra hồ sơ với cơ quan giải quyết.</translation>
        </message>
        <message>
            <source>The period starts on %(start), after it ends on %(end): put the earlier date first.</source>
            <translation>Khoảng thời gian bắt đầu ngày %(start), sau ngày kết thúc %(end): hãy để ngày sớm hơn trước.</translation>
        </message>
        <message>
            <source>The period spans %(days) days; choose at most %(limit) days at a time.</source>
            <translation>Khoảng thời gian dài %(days) ngày; mỗi lần chỉ chọn tối đa %(limit) ngày.</translation>
        </message>
        <message>
            <source>%(field): “%(value)” is not a date; write it as YYYY-MM-DD.</source>
            <translation>%(field): “%(value)” không phải là ngày; hãy viết theo dạng YYYY-MM-DD (năm-tháng-ngày).</translation>
        </message>
        <message>
            <source>The register can be saved as PDF, Excel (.xlsx) or CSV; “%(name)” is none of them.</source>
            <translation>Sổ theo dõi chỉ lưu được dạng PDF, Excel (.xlsx) hoặc CSV; “%(name)” không thuộc dạng nào.</translation>
        </message>
        <message>
            <source>%(value) is not between %(first) and %(last), the years dossiers are kept for.</source>
            <translation>Ngày %(value) không nằm trong các năm %(first)–%(last), khoảng thời gian lưu hồ sơ.</translation>
        </message>
        <message>
            <source>The reception dates are reversed: from %(from) is after to %(to).</source>
            <translation>Khoảng ngày tiếp nhận bị ngược: từ ngày %(from) sau đến ngày %(to).</translation>
        </message>
        <message>
            <source>“%(value)” is not a date; write it as 25/11/2026.</source>
            <translation>“%(value)” không phải là ngày; hãy viết theo dạng 25/11/2026.</translation>
        </message>
        <message>
            <source>“%(value)” is not a dossier status.</source>
            <translation>“%(value)” không phải là trạng thái hồ sơ.</translation>
        </message>
        <message>
            <source>“%(value)” is not a reception channel (desk, post office, community team).</source>
            <translation>“%(value)” không phải là kênh tiếp nhận (tại quầy, điểm bưu điện, tổ công nghệ số cộng đồng).</translation>
        </message>
        <message>
            <source>“%(value)” is not a sync state (local, waiting, sent, refused).</source>
            <translation>“%(value)” không phải là trạng thái đồng bộ (trên máy, chờ gửi, đã gửi, bị từ chối).</translation>
        </message>
        <message>
            <source>“%(value)” is not a due window: choose overdue, today or 1 to %(max) working days.</source>
            <translation>“%(value)” không phải là khoảng hạn trả: chọn quá hạn, hôm nay hoặc từ 1 đến %(max) ngày làm việc.</translation>
        </message>
        <message>
            <source>The list cannot be sorted by “%(value)”.</source>
            <translation>Không thể sắp xếp danh sách theo “%(value)”.</translation>
        </message>
        <message>
            <source>No procedure with code “%(value)” is in the catalogue.</source>
            <translation>Danh mục không có thủ tục mã “%(value)”.</translation>
        </message>
        <message>
            <source>No official with user name “%(value)” works on this desk.</source>
            <translation>Không có cán bộ nào có tên đăng nhập “%(value)” trên máy này.</translation>
        </message>
        <message>
            <source>The search text is longer than %(max) characters; search for a name, a code or an ID number.</source>
            <translation>Nội dung tìm kiếm dài quá %(max) ký tự; hãy tìm theo họ tên, mã hồ sơ hoặc số định danh.</translation>
        </message>
        <message>
            <source>Warning thresholds must be whole numbers of working days from 1 to %(max).</source>
            <translation>Ngưỡng cảnh báo phải là số nguyên ngày làm việc từ 1 đến %(max).</translation>
        </message>
    </context>
    <context>
        <name>PdfViewer</name>
        <message>
            <source>%1 page(s)</source>
            <translation>%1 trang</translation>
        </message>
        <message>
            <source>%1 — dossier %2</source>
            <translation>%1 — hồ sơ %2</translation>
        </message>
        <message>
            <source>&amp;Print (Ctrl+P)</source>
            <translation>&amp;In (Ctrl+P)</translation>
        </message>
        <message>
            <source>&amp;Save as PDF (Ctrl+S)</source>
            <translation>&amp;Lưu thành PDF (Ctrl+S)</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>Đóng (Esc)</translation>
        </message>
        <message>
            <source>Not printed: %1.</source>
            <translation>Chưa in được: %1.</translation>
        </message>
        <message>
            <source>Not saved: %1</source>
            <translation>Chưa lưu được: %1</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>Tệp PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Printing…</source>
            <translation>Đang in…</translation>
        </message>
        <message>
            <source>Save as PDF</source>
            <translation>Lưu thành PDF</translation>
        </message>
        <message>
            <source>Saved: %1</source>
            <translation>Đã lưu: %1</translation>
        </message>
        <message>
            <source>Sent to the printer.</source>
            <translation>Đã gửi tới máy in.</translation>
        </message>
    </context>
    <context>
        <name>StoreProblems</name>
        <message>
            <source>The backup folder %(folder) is not there (is the USB drive plugged in?). No backup was made; nothing was lost. It is tried again next time.</source>
            <translation>Không thấy thư mục sao lưu %(folder) (ổ USB đã cắm chưa?). Chưa sao lưu được; không mất dữ liệu nào. Lần sau sẽ thử lại.</translation>
        </message>
        <message>
            <source>The disk of the backup folder %(folder) is full. No backup was made; nothing was lost. Free some space or choose another folder.</source>
            <translation>Ổ đĩa của thư mục sao lưu %(folder) đã đầy. Chưa sao lưu được; không mất dữ liệu nào. Hãy giải phóng dung lượng hoặc chọn thư mục khác.</translation>
        </message>
        <message>
            <source>The backup folder %(folder) cannot be written (read-only or locked). No backup was made; nothing was lost.</source>
            <translation>Không ghi được vào thư mục sao lưu %(folder) (chỉ đọc hoặc bị khóa). Chưa sao lưu được; không mất dữ liệu nào.</translation>
        </message>
        <message>
            <source>Backing up into %(folder) failed. No backup was made; nothing was lost. It is tried again next time.</source>
            <translation>Sao lưu vào %(folder) không thành công. Không mất dữ liệu nào. Lần sau sẽ thử lại.</translation>
        </message>
        <message>
            <source>The backup written into %(folder) did not read back whole, so it was not kept and does not count. It is tried again next time.</source>
            <translation>Bản sao lưu ghi vào %(folder) đọc lại không nguyên vẹn nên không được giữ và không được tính. Lần sau sẽ thử lại.</translation>
        </message>
        <message>
            <source>Backup time: %(value) is not a time of day (HH:MM).</source>
            <translation>Giờ sao lưu: %(value) không phải giờ trong ngày (HH:MM).</translation>
        </message>
        <message>
            <source>Keep between %(min) and %(max) backups.</source>
            <translation>Giữ từ %(min) đến %(max) bản sao lưu.</translation>
        </message>
        <message>
            <source>Backup folder: %(folder) is not a full path (e.g. E:\SaoLuu).</source>
            <translation>Thư mục sao lưu: %(folder) không phải đường dẫn đầy đủ (vd. E:\SaoLuu).</translation>
        </message>
        <message>
            <source>The backup %(file) was restored, but the full check found %(count) problem(s); ask for support before working on it.</source>
            <translation>Đã khôi phục bản sao lưu %(file) nhưng kiểm tra toàn bộ phát hiện %(count) lỗi; hãy liên hệ hỗ trợ trước khi làm việc tiếp.</translation>
        </message>
        <message>
            <source>%(count) scanned page(s) of the backup %(file) are missing or damaged; nothing was restored.</source>
            <translation>%(count) trang quét trong bản sao lưu %(file) bị thiếu hoặc bị hỏng; chưa khôi phục gì.</translation>
        </message>
        <message>
            <source>%(file) could not be written there; choose another folder.</source>
            <translation>Không ghi được %(file) vào đó; hãy chọn thư mục khác.</translation>
        </message>
        <message>
            <source>%(file) could not be written: the disk is full.</source>
            <translation>Không ghi được %(file): ổ đĩa đã đầy.</translation>
        </message>
        <message>
            <source>%(file) is not a whole MotCua Desk backup, or cannot be read to the end; nothing was restored.</source>
            <translation>%(file) không phải bản sao lưu đầy đủ của MotCua Desk, hoặc không đọc được hết; chưa khôi phục gì.</translation>
        </message>
        <message>
            <source>A recovery key has 40 letters and digits (10 groups of 4); %(count) were entered.</source>
            <translation>Khóa khôi phục gồm 40 chữ cái và chữ số (10 nhóm 4 ký tự); bạn đã nhập %(count) ký tự.</translation>
        </message>
        <message>
            <source>A recovery key holds only the letters A–Z and the digits 2–7.</source>
            <translation>Khóa khôi phục chỉ gồm các chữ cái A–Z và các chữ số 2–7.</translation>
        </message>
        <message>
            <source>An administrator set this password: choose a new one to go on.</source>
            <translation>Mật khẩu này do quản trị viên đặt: hãy chọn mật khẩu mới để tiếp tục.</translation>
        </message>
        <message>
            <source>MotCua Desk data already exists here; nothing was changed.</source>
            <translation>Ở đây đã có dữ liệu MotCua Desk; không có gì bị thay đổi.</translation>
        </message>
        <message>
            <source>The backup %(file) is damaged; nothing was restored. Try an older backup.</source>
            <translation>Bản sao lưu %(file) bị hỏng; chưa khôi phục gì. Hãy thử một bản sao lưu cũ hơn.</translation>
        </message>
        <message>
            <source>The backup %(file) no longer exists.</source>
            <translation>Bản sao lưu %(file) không còn nữa.</translation>
        </message>
        <message>
            <source>The data is busy (another window or desk is writing); try again in a moment.</source>
            <translation>Dữ liệu đang bận (một cửa sổ hoặc máy khác đang ghi); hãy thử lại sau giây lát.</translation>
        </message>
        <message>
            <source>The data is closed; sign in again.</source>
            <translation>Dữ liệu đã đóng; hãy đăng nhập lại.</translation>
        </message>
        <message>
            <source>The disk holding %(folder) is full: free some space, then try again. Nothing was lost.</source>
            <translation>Ổ đĩa chứa %(folder) đã đầy: hãy giải phóng bớt dung lượng rồi thử lại. Không có dữ liệu nào bị mất.</translation>
        </message>
        <message>
            <source>The password or recovery key given does not open the backup %(file).</source>
            <translation>Mật khẩu hoặc khóa khôi phục đã nhập không mở được bản sao lưu %(file).</translation>
        </message>
        <message>
            <source>There is no data of MotCua Desk on this computer yet.</source>
            <translation>Máy này chưa có dữ liệu MotCua Desk.</translation>
        </message>
        <message>
            <source>This is not the recovery key of this desk.</source>
            <translation>Đây không phải khóa khôi phục của máy này.</translation>
        </message>
        <message>
            <source>Upgrading the data failed; it was left as it was before the upgrade.</source>
            <translation>Nâng cấp dữ liệu không thành công; dữ liệu được giữ nguyên như trước khi nâng cấp.</translation>
        </message>
    </context>
    <context>
        <name>SyncProblems</name>
        <message>
            <source>The province's catalogue changed %(count) procedure version(s) that dossiers were received under; this desk keeps them as they were.</source>
            <translation>Danh mục thủ tục của tỉnh thay đổi %(count) phiên bản thủ tục đã có hồ sơ tiếp nhận theo; máy này giữ nguyên các phiên bản đó.</translation>
        </message>
        <message>
            <source>A change from the portal (number %(seq)) could not be applied; the details are in the log file.</source>
            <translation>Không áp dụng được một thay đổi từ cổng (số %(seq)); chi tiết đã được ghi vào tệp nhật ký.</translation>
        </message>
        <message>
            <source>A scanned page of dossier %(code) cannot be read; no bundle was written.</source>
            <translation>Không đọc được một trang quét của hồ sơ %(code); chưa ghi gói nào.</translation>
        </message>
        <message>
            <source>Enter the one-time token.</source>
            <translation>Nhập mã đăng ký dùng một lần.</translation>
        </message>
        <message>
            <source>Nothing is waiting to be sent, so no bundle was written. Items already in an earlier bundle stay out until it is delivered.</source>
            <translation>Không có gì đang chờ gửi nên chưa ghi gói nào. Hồ sơ đã nằm trong gói trước sẽ không được đưa vào lại cho đến khi gói đó được giao.</translation>
        </message>
        <message>
            <source>Only an administrator may enrol this desk.</source>
            <translation>Chỉ quản trị viên mới được đăng ký máy này với cổng.</translation>
        </message>
        <message>
            <source>The dossier numbers the portal gave for unit %(unit) cannot be used; the details are in the log file.</source>
            <translation>Không dùng được dãy số hồ sơ cổng cấp cho đơn vị %(unit); chi tiết đã được ghi vào tệp nhật ký.</translation>
        </message>
        <message>
            <source>The dossier's data is not valid in the field %(field); it cannot be sent as it is.</source>
            <translation>Dữ liệu hồ sơ không hợp lệ ở trường %(field); chưa gửi được như hiện tại.</translation>
        </message>
        <message>
            <source>The portal %(portal) cannot be reached; nothing changed. Check the address and the network, then try again with the same token.</source>
            <translation>Không kết nối được cổng %(portal); chưa có gì thay đổi. Hãy kiểm tra địa chỉ và mạng, rồi thử lại với cùng mã đăng ký.</translation>
        </message>
        <message>
            <source>The portal address %(url) must start with https:// (plain http:// is only for this computer itself).</source>
            <translation>Địa chỉ cổng %(url) phải bắt đầu bằng https:// (chỉ dùng http:// cho chính máy tính này).</translation>
        </message>
        <message>
            <source>The portal answered with a problem; the details are in the log file.</source>
            <translation>Cổng trả lời có sự cố; chi tiết đã được ghi vào tệp nhật ký.</translation>
        </message>
        <message>
            <source>The portal cannot be reached; nothing changed.</source>
            <translation>Không kết nối được cổng; chưa có gì thay đổi.</translation>
        </message>
        <message>
            <source>The portal cannot be reached; the desk retries by itself.</source>
            <translation>Không kết nối được cổng; máy sẽ tự thử lại.</translation>
        </message>
        <message>
            <source>The portal did not keep this desk's audit record (HTTP %(status)); the desk tries again at the next sync.</source>
            <translation>Cổng chưa lưu bản ghi nhật ký kiểm tra của máy này (HTTP %(status)); máy sẽ thử lại ở lần đồng bộ sau.</translation>
        </message>
        <message>
            <source>The portal did not say which units this desk serves (HTTP %(status)); the desk tries again at the next sync.</source>
            <translation>Cổng chưa cho biết máy này phục vụ những đơn vị nào (HTTP %(status)); máy sẽ thử lại ở lần đồng bộ sau.</translation>
        </message>
        <message>
            <source>The portal did not send its news (HTTP %(status)); the desk tries again at the next sync.</source>
            <translation>Cổng chưa gửi các thay đổi mới (HTTP %(status)); máy sẽ thử lại ở lần đồng bộ sau.</translation>
        </message>
        <message>
            <source>The portal gave no dossier numbers for unit %(unit): %(reason)</source>
            <translation>Cổng chưa cấp dãy số hồ sơ cho đơn vị %(unit): %(reason)</translation>
        </message>
        <message>
            <source>The portal has already accepted this item; there is nothing to retry.</source>
            <translation>Cổng đã nhận mục này; không cần gửi lại.</translation>
        </message>
        <message>
            <source>The portal is busy or had an error (HTTP %(status)); the desk retries by itself.</source>
            <translation>Cổng đang bận hoặc gặp lỗi (HTTP %(status)); máy sẽ tự thử lại.</translation>
        </message>
        <message>
            <source>The portal refused the enrolment (%(reason)); nothing changed.</source>
            <translation>Cổng từ chối đăng ký (%(reason)); chưa có gì thay đổi.</translation>
        </message>
        <message>
            <source>The portal refused the token (%(reason)). Ask the portal administrator for a new one-time token.</source>
            <translation>Cổng từ chối mã đăng ký (%(reason)). Hãy đề nghị quản trị viên cổng cấp mã đăng ký dùng một lần mới.</translation>
        </message>
        <message>
            <source>The portal refused this desk's credentials (%(reason)); an administrator must enrol the desk again.</source>
            <translation>Cổng từ chối thông tin xác thực của máy này (%(reason)); quản trị viên cần đăng ký lại máy.</translation>
        </message>
        <message>
            <source>The portal's answer to the enrolment was malformed; nothing changed. Try again with the same token.</source>
            <translation>Cổng trả lời yêu cầu đăng ký không đúng định dạng; chưa có gì thay đổi. Hãy thử lại với cùng mã đăng ký.</translation>
        </message>
        <message>
            <source>The portal's answer was malformed; the desk tries again at the next sync. The details are in the log file.</source>
            <translation>Cổng trả lời không đúng định dạng; máy sẽ thử lại ở lần đồng bộ sau. Chi tiết đã được ghi vào tệp nhật ký.</translation>
        </message>
        <message>
            <source>The portal's record of this desk's audit log does not match it: the log may have been altered. Tell the administrator.</source>
            <translation>Bản ghi của cổng về nhật ký kiểm tra của máy này không khớp: nhật ký có thể đã bị sửa đổi. Hãy báo cho quản trị viên.</translation>
        </message>
        <message>
            <source>The scanned page %(page)… cannot be read on this computer; open the dossier and capture the page again.</source>
            <translation>Không đọc được trang quét %(page)… trên máy này; hãy mở hồ sơ và quét lại trang đó.</translation>
        </message>
        <message>
            <source>The token enrols a desk of unit %(token_unit), but this desk serves %(desk_unit); ask for a token of the right unit.</source>
            <translation>Mã đăng ký dành cho máy của đơn vị %(token_unit), nhưng máy này phục vụ đơn vị %(desk_unit); hãy xin mã đăng ký của đúng đơn vị.</translation>
        </message>
        <message>
            <source>This desk is not enrolled with a portal yet, so nothing is sent. An administrator enrols it on the Sync page.</source>
            <translation>Máy này chưa đăng ký với cổng nên chưa gửi được gì. Quản trị viên đăng ký máy trên trang Đồng bộ.</translation>
        </message>
        <message>
            <source>This item is no longer in the queue.</source>
            <translation>Mục này không còn trong hàng đợi.</translation>
        </message>
        <message>
            <source>This version cannot send a change of the kind %(kind).</source>
            <translation>Phiên bản này không gửi được loại thay đổi %(kind).</translation>
        </message>
        <message>
            <source>“%(url)” is not a portal address; write it like https://dichvucong.example.gov.vn.</source>
            <translation>“%(url)” không phải địa chỉ cổng; hãy ghi dạng https://dichvucong.example.gov.vn.</translation>
        </message>
        <message>
            <source>This is the training store (sample data): it is never sent to the portal, by sync, enrolment or USB bundle.</source>
            <translation>Đây là bản tập huấn (dữ liệu mẫu): không bao giờ được gửi lên cổng dịch vụ công, dù bằng đồng bộ, đăng ký thiết bị hay gói USB.</translation>
        </message>
        <message>
            <source>The training folder holds a store that is not a training store; it was not touched. Ask your administrator.</source>
            <translation>Thư mục tập huấn chứa một kho dữ liệu không phải bản tập huấn; kho đó được giữ nguyên. Hãy liên hệ quản trị viên.</translation>
        </message>
    </context>
    <context>
        <name>Statuses</name>
        <message>
            <source>Newly received</source>
            <translation>Mới tiếp nhận</translation>
        </message>
        <message>
            <source>Refused at reception</source>
            <translation>Từ chối tiếp nhận</translation>
        </message>
        <message>
            <source>Being processed</source>
            <translation>Đang xử lý</translation>
        </message>
        <message>
            <source>Waiting for more documents</source>
            <translation>Chờ bổ sung</translation>
        </message>
        <message>
            <source>Waiting for fees or taxes to be paid</source>
            <translation>Chờ thực hiện nghĩa vụ tài chính</translation>
        </message>
        <message>
            <source>Withdrawn by the citizen</source>
            <translation>Công dân rút hồ sơ</translation>
        </message>
        <message>
            <source>Processing stopped</source>
            <translation>Dừng xử lý</translation>
        </message>
        <message>
            <source>Result ready to be returned</source>
            <translation>Đã có kết quả, chờ trả</translation>
        </message>
        <message>
            <source>Result returned</source>
            <translation>Đã trả kết quả</translation>
        </message>
        <message>
            <source>Original</source>
            <translation>Bản chính</translation>
        </message>
        <message>
            <source>Certified copy</source>
            <translation>Bản sao chứng thực</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Bản chụp</translation>
        </message>
    </context>
    <context>
        <name>TimeRules</name>
        <message>
            <source>%1:%2</source>
            <translation>%1 giờ %2</translation>
        </message>
        <message>
            <source>%1:00</source>
            <translation>%1 giờ</translation>
        </message>
        <message>
            <source>Same day</source>
            <translation>Trong ngày</translation>
        </message>
        <message>
            <source>(received after %1: the next working day)</source>
            <translation>(nhận sau %1: ngày làm việc tiếp theo)</translation>
        </message>
        <message>
            <source>%1 working day(s)</source>
            <translation>%1 ngày làm việc</translation>
        </message>
        <message>
            <source>%1 day(s)</source>
            <translation>%1 ngày</translation>
        </message>
        <message>
            <source>%1 working hour(s)</source>
            <translation>%1 giờ làm việc</translation>
        </message>
        <message>
            <source>(received after %1: counted from the next working day)</source>
            <translation>(nhận sau %1: tính từ ngày làm việc tiếp theo)</translation>
        </message>
    </context>
    <context>
        <name>Weekdays</name>
        <message>
            <source>Monday</source>
            <translation>Thứ Hai</translation>
        </message>
        <message>
            <source>Tuesday</source>
            <translation>Thứ Ba</translation>
        </message>
        <message>
            <source>Wednesday</source>
            <translation>Thứ Tư</translation>
        </message>
        <message>
            <source>Thursday</source>
            <translation>Thứ Năm</translation>
        </message>
        <message>
            <source>Friday</source>
            <translation>Thứ Sáu</translation>
        </message>
        <message>
            <source>Saturday</source>
            <translation>Thứ Bảy</translation>
        </message>
        <message>
            <source>Sunday</source>
            <translation>Chủ nhật</translation>
        </message>
    </context>
    <context>
        <name>ActionDialog</name>
        <message>
            <source>%1 — dossier %2</source>
            <translation>%1 — hồ sơ %2</translation>
        </message>
        <message>
            <source>e.g. Civil status officer</source>
            <translation>ví dụ: Công chức Tư pháp - Hộ tịch</translation>
        </message>
        <message>
            <source>empty: the body it was handed over to</source>
            <translation>để trống: nơi đã chuyển hồ sơ đến</translation>
        </message>
        <message>
            <source>Processing &amp;body:</source>
            <translation>&amp;Cơ quan giải quyết:</translation>
        </message>
        <message>
            <source>One document or piece of information per line</source>
            <translation>Mỗi dòng một giấy tờ hoặc nội dung cần bổ sung</translation>
        </message>
        <message>
            <source>&amp;Items to complete:</source>
            <translation>&amp;Nội dung cần bổ sung:</translation>
        </message>
        <message>
            <source>&amp;New appointment:</source>
            <translation>&amp;Hẹn trả mới:</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Lý do:</translation>
        </message>
        <message>
            <source>N&amp;ote:</source>
            <translation>&amp;Ghi chú:</translation>
        </message>
        <message>
            <source>&amp;Confirm (Ctrl+Enter)</source>
            <translation>&amp;Xác nhận (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
    </context>
    <context>
        <name>AuditDialog</name>
        <message>
            <source>Dossier received</source>
            <translation>Tiếp nhận hồ sơ</translation>
        </message>
        <message>
            <source>Personal data removed after the retention period</source>
            <translation>Đã xóa dữ liệu cá nhân khi hết thời hạn lưu giữ</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>Nhật ký kiểm tra</translation>
        </message>
        <message>
            <source>Dossier code</source>
            <translation>Mã hồ sơ</translation>
        </message>
        <message>
            <source>Official's user name</source>
            <translation>Tên đăng nhập của cán bộ</translation>
        </message>
        <message>
            <source>&amp;Show</source>
            <translation>&amp;Xem</translation>
        </message>
        <message>
            <source>&amp;Dossier:</source>
            <translation>&amp;Hồ sơ:</translation>
        </message>
        <message>
            <source>&amp;Official:</source>
            <translation>&amp;Cán bộ:</translation>
        </message>
        <message>
            <source>&amp;From:</source>
            <translation>&amp;Từ ngày:</translation>
        </message>
        <message>
            <source>&amp;To:</source>
            <translation>Đế&amp;n ngày:</translation>
        </message>
        <message>
            <source>At</source>
            <translation>Thời điểm</translation>
        </message>
        <message>
            <source>Official</source>
            <translation>Cán bộ</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Sự kiện</translation>
        </message>
        <message>
            <source>Dossier</source>
            <translation>Hồ sơ</translation>
        </message>
        <message>
            <source>No audit events match.</source>
            <translation>Không có sự kiện nào phù hợp.</translation>
        </message>
    </context>
    <context>
        <name>Lifecycle</name>
        <message>
            <source>Reason</source>
            <translation>Lý do</translation>
        </message>
        <message>
            <source>Items to complete</source>
            <translation>Nội dung cần bổ sung</translation>
        </message>
        <message>
            <source>Processing body</source>
            <translation>Cơ quan giải quyết</translation>
        </message>
        <message>
            <source>New appointment</source>
            <translation>Hẹn trả mới</translation>
        </message>
        <message>
            <source>Representative's name</source>
            <translation>Họ tên người được ủy quyền</translation>
        </message>
        <message>
            <source>Representative's ID number</source>
            <translation>Số định danh người được ủy quyền</translation>
        </message>
        <message>
            <source>Postal tracking number</source>
            <translation>Mã bưu gửi</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>Number of documents</source>
            <translation>Số thành phần hồ sơ</translation>
        </message>
        <message>
            <source>Received by</source>
            <translation>Người nhận</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Mới tiếp nhận</translation>
        </message>
        <message>
            <source>In process</source>
            <translation>Đang xử lý</translation>
        </message>
        <message>
            <source>Waiting for supplements</source>
            <translation>Chờ bổ sung</translation>
        </message>
        <message>
            <source>Waiting for fees and taxes</source>
            <translation>Chờ thực hiện nghĩa vụ tài chính</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Từ chối</translation>
        </message>
        <message>
            <source>Withdrawn by the applicant</source>
            <translation>Công dân rút hồ sơ</translation>
        </message>
        <message>
            <source>Processing stopped</source>
            <translation>Dừng xử lý</translation>
        </message>
        <message>
            <source>Result ready, to be returned</source>
            <translation>Đã có kết quả, chờ trả</translation>
        </message>
        <message>
            <source>Result returned</source>
            <translation>Đã trả kết quả</translation>
        </message>
        <message>
            <source>Hand over to the processing body</source>
            <translation>Chuyển hồ sơ đến cơ quan giải quyết</translation>
        </message>
        <message>
            <source>Receive back from the processing body</source>
            <translation>Nhận lại hồ sơ từ cơ quan giải quyết</translation>
        </message>
        <message>
            <source>Request supplements</source>
            <translation>Yêu cầu bổ sung hồ sơ</translation>
        </message>
        <message>
            <source>Supplements received</source>
            <translation>Đã nhận bổ sung</translation>
        </message>
        <message>
            <source>Refuse</source>
            <translation>Từ chối giải quyết</translation>
        </message>
        <message>
            <source>Apologise and set a new appointment</source>
            <translation>Xin lỗi và hẹn lại ngày trả</translation>
        </message>
        <message>
            <source>Stop processing</source>
            <translation>Dừng giải quyết</translation>
        </message>
        <message>
            <source>Result ready</source>
            <translation>Đã có kết quả</translation>
        </message>
        <message>
            <source>Return the result</source>
            <translation>Trả kết quả</translation>
        </message>
        <message>
            <source>Withdraw at the applicant's request</source>
            <translation>Rút hồ sơ theo đề nghị của công dân</translation>
        </message>
        <message>
            <source>Change from the portal</source>
            <translation>Thay đổi từ cổng</translation>
        </message>
    </context>
    <context>
        <name>ReturnDialog</name>
        <message>
            <source>Return the result</source>
            <translation>Trả kết quả</translation>
        </message>
        <message>
            <source>Scan the QR on the receipt, or type the dossier code, then Enter</source>
            <translation>Quét mã QR trên giấy hẹn, hoặc gõ mã hồ sơ, rồi nhấn Enter</translation>
        </message>
        <message>
            <source>&amp;Dossier:</source>
            <translation>&amp;Hồ sơ:</translation>
        </message>
        <message>
            <source>No dossier chosen yet.</source>
            <translation>Chưa chọn hồ sơ.</translation>
        </message>
        <message>
            <source>The applicant in person</source>
            <translation>Người nộp hồ sơ trực tiếp nhận</translation>
        </message>
        <message>
            <source>A representative (name and ID number)</source>
            <translation>Người được ủy quyền (họ tên và số định danh)</translation>
        </message>
        <message>
            <source>By post (tracking number)</source>
            <translation>Qua bưu chính (mã bưu gửi)</translation>
        </message>
        <message>
            <source>&amp;Received by:</source>
            <translation>&amp;Người nhận:</translation>
        </message>
        <message>
            <source>Representative's &amp;name:</source>
            <translation>Họ &amp;tên người được ủy quyền:</translation>
        </message>
        <message>
            <source>Representative's &amp;ID number:</source>
            <translation>&amp;Số định danh người được ủy quyền:</translation>
        </message>
        <message>
            <source>Postal &amp;tracking number:</source>
            <translation>&amp;Mã bưu gửi:</translation>
        </message>
        <message>
            <source>&amp;Fee collected now:</source>
            <translation>&amp;Phí, lệ phí thu lúc trả:</translation>
        </message>
        <message>
            <source>N&amp;ote:</source>
            <translation>&amp;Ghi chú:</translation>
        </message>
        <message>
            <source>Record the return (Ctrl+Enter)</source>
            <translation>Ghi nhận trả kết quả (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <source>Applicant: %1</source>
            <translation>Người nộp: %1</translation>
        </message>
        <message>
            <source>Appointment: %1</source>
            <translation>Hẹn trả: %1</translation>
        </message>
        <message>
            <source>Fee still due: %1</source>
            <translation>Phí, lệ phí còn phải thu: %1</translation>
        </message>
        <message>
            <source>The applicant asked for the result by post: %1</source>
            <translation>Công dân đăng ký nhận kết quả qua bưu chính: %1</translation>
        </message>
        <message>
            <source>This dossier has no result waiting to be returned (status: %1).</source>
            <translation>Hồ sơ này không có kết quả chờ trả (trạng thái: %1).</translation>
        </message>
        <message>
            <source>Returned: %1. Scan the next receipt.</source>
            <translation>Đã trả kết quả hồ sơ %1. Quét giấy hẹn tiếp theo.</translation>
        </message>
    </context>
    <context>
        <name>ReportDocument</name>
        <message>
            <source>From %1 to %2</source>
            <translation>Từ ngày %1 đến ngày %2</translation>
        </message>
        <message>
            <source>REPORT ON RECEIVING DOSSIERS AND RETURNING RESULTS</source>
            <translation>BÁO CÁO TÌNH HÌNH TIẾP NHẬN, TRẢ KẾT QUẢ HỒ SƠ</translation>
        </message>
        <message>
            <source>Dossiers received</source>
            <translation>Hồ sơ đã tiếp nhận</translation>
        </message>
        <message>
            <source>Results returned</source>
            <translation>Kết quả đã trả</translation>
        </message>
        <message>
            <source>Returned on time</source>
            <translation>Trả đúng hạn</translation>
        </message>
        <message>
            <source>Returned late</source>
            <translation>Trả trễ hạn</translation>
        </message>
        <message>
            <source>Returned by post</source>
            <translation>Trả qua bưu chính</translation>
        </message>
        <message>
            <source>Overdue, still being processed</source>
            <translation>Quá hạn, đang giải quyết</translation>
        </message>
        <message>
            <source>Not yet accepted by the portal</source>
            <translation>Chưa được cổng tiếp nhận</translation>
        </message>
        <message>
            <source>Figure</source>
            <translation>Chỉ tiêu</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Số liệu</translation>
        </message>
        <message>
            <source>By status</source>
            <translation>Theo trạng thái</translation>
        </message>
        <message>
            <source>By channel</source>
            <translation>Theo hình thức nộp</translation>
        </message>
        <message>
            <source>By procedure</source>
            <translation>Theo thủ tục</translation>
        </message>
        <message>
            <source>By official</source>
            <translation>Theo cán bộ tiếp nhận</translation>
        </message>
        <message>
            <source>Dossiers</source>
            <translation>Số hồ sơ</translation>
        </message>
        <message>
            <source>None</source>
            <translation>Không có</translation>
        </message>
        <message>
            <source>Made %1.</source>
            <translation>Lập lúc %1.</translation>
        </message>
        <message>
            <source>Report on dossiers</source>
            <translation>Báo cáo tình hình tiếp nhận, trả kết quả hồ sơ</translation>
        </message>
    </context>
    <context>
        <name>ReportWords</name>
        <message>
            <source>No citizen answered the survey in this period.</source>
            <translation>Chưa có người dân nào trả lời khảo sát trong kỳ này.</translation>
        </message>
        <message>
            <source>%1 answers; average %2 / 5 overall</source>
            <translation>%1 lượt đánh giá; điểm chung trung bình %2 / 5</translation>
        </message>
        <message>
            <source>Newly received</source>
            <translation>Mới tiếp nhận</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Từ chối tiếp nhận</translation>
        </message>
        <message>
            <source>Being processed</source>
            <translation>Đang giải quyết</translation>
        </message>
        <message>
            <source>Waiting for supplements</source>
            <translation>Chờ bổ sung hồ sơ</translation>
        </message>
        <message>
            <source>Waiting for fees and taxes</source>
            <translation>Chờ thực hiện nghĩa vụ tài chính</translation>
        </message>
        <message>
            <source>Withdrawn by the applicant</source>
            <translation>Công dân rút hồ sơ</translation>
        </message>
        <message>
            <source>Processing stopped</source>
            <translation>Dừng giải quyết</translation>
        </message>
        <message>
            <source>Result ready, not yet returned</source>
            <translation>Đã có kết quả, chờ trả</translation>
        </message>
        <message>
            <source>Result returned</source>
            <translation>Đã trả kết quả</translation>
        </message>
        <message>
            <source>At the desk</source>
            <translation>Trực tiếp tại Bộ phận một cửa</translation>
        </message>
        <message>
            <source>Through a post office</source>
            <translation>Qua điểm bưu điện</translation>
        </message>
        <message>
            <source>Through the community digital team</source>
            <translation>Qua Tổ công nghệ số cộng đồng</translation>
        </message>
        <message>
            <source>new dossier</source>
            <translation>hồ sơ mới</translation>
        </message>
        <message>
            <source>dossier change</source>
            <translation>sửa hồ sơ</translation>
        </message>
        <message>
            <source>dossier step</source>
            <translation>bước xử lý hồ sơ</translation>
        </message>
        <message>
            <source>status change</source>
            <translation>đổi trạng thái</translation>
        </message>
        <message>
            <source>%1 on time, %2 late</source>
            <translation>%1 đúng hạn, %2 trễ hạn</translation>
        </message>
        <message>
            <source>No result was returned in this period.</source>
            <translation>Trong kỳ chưa trả kết quả nào.</translation>
        </message>
        <message>
            <source>of the %1 results returned in the period</source>
            <translation>trên %1 kết quả đã trả trong kỳ</translation>
        </message>
        <message>
            <source>Everything has reached the portal.</source>
            <translation>Mọi thay đổi đã lên cổng.</translation>
        </message>
        <message>
            <source>Oldest: %1 %2, waiting since %3</source>
            <translation>Cũ nhất: %1 %2, chờ từ %3</translation>
        </message>
        <message>
            <source>(refused by the portal: see the Sync page)</source>
            <translation>(cổng từ chối: xem trang Đồng bộ)</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Tiếp nhận</translation>
        </message>
        <message>
            <source>Returned</source>
            <translation>Trả kết quả</translation>
        </message>
    </context>
    <context>
        <name>DossierList</name>
        <message>
            <source>Applicant</source>
            <translation>Người nộp</translation>
        </message>
        <message>
            <source>Appointment</source>
            <translation>Hẹn trả</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>Đã gửi</translation>
        </message>
        <message>
            <source>Dossier code</source>
            <translation>Mã hồ sơ</translation>
        </message>
        <message>
            <source>Due soon</source>
            <translation>Sắp đến hạn</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>Số định danh</translation>
        </message>
        <message>
            <source>In process</source>
            <translation>Đang xử lý</translation>
        </message>
        <message>
            <source>Local</source>
            <translation>Trên máy</translation>
        </message>
        <message>
            <source>Newly received</source>
            <translation>Mới tiếp nhận</translation>
        </message>
        <message>
            <source>On time</source>
            <translation>Còn hạn</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Quá hạn</translation>
        </message>
        <message>
            <source>Procedure</source>
            <translation>Thủ tục</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Tiếp nhận</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Bị từ chối</translation>
        </message>
        <message>
            <source>Result ready</source>
            <translation>Đã có kết quả, chờ trả</translation>
        </message>
        <message>
            <source>Result returned</source>
            <translation>Đã trả kết quả</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>Dừng xử lý</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Đồng bộ</translation>
        </message>
        <message>
            <source>The appointment counts over a holiday the administrator has not confirmed yet.</source>
            <translation>Ngày hẹn trả được tính qua ngày nghỉ mà quản trị viên chưa xác nhận.</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Chờ gửi</translation>
        </message>
        <message>
            <source>Waiting for payment</source>
            <translation>Chờ thực hiện nghĩa vụ tài chính</translation>
        </message>
        <message>
            <source>Waiting for supplements</source>
            <translation>Chờ bổ sung</translation>
        </message>
        <message>
            <source>Withdrawn</source>
            <translation>Công dân rút hồ sơ</translation>
        </message>
    </context>
    <context>
        <name>CalendarPanel</name>
        <message>
            <source>Each year's days off and make-up working days. An estimated year comes from the built-in holiday list; appointments counted over its holidays are marked * until the province confirms the year.</source>
            <translation>Ngày nghỉ và ngày làm bù của từng năm. Năm dự kiến lấy từ danh sách ngày lễ có sẵn; ngày hẹn tính qua ngày nghỉ của năm đó được đánh dấu * cho đến khi tỉnh xác nhận lịch năm.</translation>
        </message>
        <message>
            <source>%1 days off, %2 make-up days</source>
            <translation>%1 ngày nghỉ, %2 ngày làm bù</translation>
        </message>
        <message>
            <source>%1: estimated, not confirmed</source>
            <translation>Năm %1: dự kiến, chưa được xác nhận</translation>
        </message>
        <message>
            <source>the province's portal</source>
            <translation>cổng dịch vụ công của tỉnh</translation>
        </message>
        <message>
            <source>this desk's administrator</source>
            <translation>quản trị viên của máy này</translation>
        </message>
        <message>
            <source>%1: confirmed by decision %2 (%3)</source>
            <translation>Năm %1: đã xác nhận theo văn bản %2 (%3)</translation>
        </message>
        <message>
            <source>No calendar years.</source>
            <translation>Chưa có năm nào trong lịch.</translation>
        </message>
    </context>
    <context>
        <name>BackupPanel</name>
        <message>
            <source>A backup is being made; restore when it is done.</source>
            <translation>Đang sao lưu; hãy khôi phục sau khi xong.</translation>
        </message>
        <message>
            <source>e.g. E:\SaoLuu (a USB drive)</source>
            <translation>vd. E:\SaoLuu (ổ USB)</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Chọn…</translation>
        </message>
        <message>
            <source>Back up &amp;into the folder:</source>
            <translation>Sao lưu &amp;vào thư mục:</translation>
        </message>
        <message>
            <source>Every day &amp;at:</source>
            <translation>Hằng ngày &amp;lúc:</translation>
        </message>
        <message>
            <source>&amp;Keep the newest:</source>
            <translation>&amp;Giữ lại bản mới nhất:</translation>
        </message>
        <message>
            <source>Backups are encrypted: they open only with a password of that day or the recovery key. When the desk is off at the time, the backup is made when it next starts.</source>
            <translation>Bản sao lưu được mã hóa: chỉ mở được bằng mật khẩu của ngày sao lưu hoặc khóa khôi phục. Nếu lúc đó máy tắt, bản sao lưu được tạo ngay khi mở máy lần sau.</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Lưu</translation>
        </message>
        <message>
            <source>Back up &amp;now</source>
            <translation>Sao lưu &amp;ngay</translation>
        </message>
        <message>
            <source>Made at</source>
            <translation>Thời điểm</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Dung lượng</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>Kiểm tra</translation>
        </message>
        <message>
            <source>&amp;Restore the chosen backup…</source>
            <translation>&amp;Khôi phục bản đã chọn…</translation>
        </message>
        <message>
            <source>Restore from a &amp;file…</source>
            <translation>Khôi phục từ &amp;tệp…</translation>
        </message>
        <message>
            <source>Whole</source>
            <translation>Nguyên vẹn</translation>
        </message>
        <message>
            <source>Unreadable: not a whole backup</source>
            <translation>Không đọc được: không phải bản sao lưu nguyên vẹn</translation>
        </message>
        <message>
            <source>Settings saved.</source>
            <translation>Đã lưu cài đặt.</translation>
        </message>
        <message>
            <source>Choose the folder to back up into first.</source>
            <translation>Hãy chọn thư mục sao lưu trước.</translation>
        </message>
        <message>
            <source>Backing up…</source>
            <translation>Đang sao lưu…</translation>
        </message>
        <message>
            <source>No backup has been made into a folder yet.</source>
            <translation>Chưa có bản sao lưu nào vào thư mục.</translation>
        </message>
        <message>
            <source>Last good backup: %1</source>
            <translation>Bản sao lưu tốt gần nhất: %1</translation>
        </message>
        <message>
            <source>The last attempt failed: %1</source>
            <translation>Lần sao lưu gần nhất không thành công: %1</translation>
        </message>
        <message>
            <source>Folder for the backups</source>
            <translation>Thư mục sao lưu</translation>
        </message>
        <message>
            <source>Choose a backup in the list first.</source>
            <translation>Hãy chọn một bản sao lưu trong danh sách trước.</translation>
        </message>
        <message>
            <source>Backup to restore</source>
            <translation>Bản sao lưu cần khôi phục</translation>
        </message>
        <message>
            <source>MotCua Desk backups (*.zip)</source>
            <translation>Bản sao lưu MotCua Desk (*.zip)</translation>
        </message>
        <message>
            <source>Nothing was restored.</source>
            <translation>Chưa khôi phục gì.</translation>
        </message>
        <message>
            <source>This desk has %1 change(s) made after this backup, and %2 change(s) not yet sent to the portal. Restoring puts the desk back as it was at the backup: that work is set aside (kept in the damaged folder, not on the desk). Restore anyway?</source>
            <translation>Máy này có %1 thay đổi được thực hiện sau bản sao lưu này và %2 thay đổi chưa gửi lên cổng. Khôi phục sẽ đưa máy về đúng như lúc sao lưu: phần việc đó được cất riêng (giữ trong thư mục damaged, không còn trên máy làm việc). Vẫn khôi phục?</translation>
        </message>
        <message>
            <source>Restore a backup</source>
            <translation>Khôi phục bản sao lưu</translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <source>Restore a backup</source>
            <translation>Khôi phục bản sao lưu</translation>
        </message>
        <message>
            <source>Backup: %1</source>
            <translation>Bản sao lưu: %1</translation>
        </message>
        <message>
            <source>With an official's password</source>
            <translation>Bằng mật khẩu của một cán bộ</translation>
        </message>
        <message>
            <source>With the recovery key</source>
            <translation>Bằng khóa khôi phục</translation>
        </message>
        <message>
            <source>User name:</source>
            <translation>Tên đăng nhập:</translation>
        </message>
        <message>
            <source>Password:</source>
            <translation>Mật khẩu:</translation>
        </message>
        <message>
            <source>Check and restore</source>
            <translation>Kiểm tra và khôi phục</translation>
        </message>
        <message>
            <source>Enter the user name and password.</source>
            <translation>Hãy nhập tên đăng nhập và mật khẩu.</translation>
        </message>
    </context>
    <context>
        <name>backup</name>
        <message>
            <source>No backup yet</source>
            <translation>Chưa có bản sao lưu</translation>
        </message>
        <message>
            <source>Last backup %1 days ago</source>
            <translation>Sao lưu gần nhất cách đây %1 ngày</translation>
        </message>
        <message>
            <source>Open Settings › Backups to back up now.</source>
            <translation>Mở Cài đặt › Sao lưu để sao lưu ngay.</translation>
        </message>
    </context>
    <context>
        <name>TrainingBanner</name>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <source>Training mode: sample data only, never sent to the portal. Accounts %1 and %2, password %3.</source>
            <translation>Chế độ tập huấn: chỉ có dữ liệu mẫu, không bao giờ gửi lên cổng dịch vụ công. Tài khoản %1 và %2, mật khẩu %3.</translation>
        </message>
        <message>
            <source>&amp;Reset the training data…</source>
            <translation>&amp;Làm lại dữ liệu tập huấn…</translation>
        </message>
        <message>
            <source>Reset the training data</source>
            <translation>Làm lại dữ liệu tập huấn</translation>
        </message>
        <message>
            <source>Delete everything done in training mode and start again with fresh sample data? The real store is not touched.</source>
            <translation>Xóa mọi thao tác đã làm trong chế độ tập huấn và bắt đầu lại với dữ liệu mẫu mới? Dữ liệu thật không bị ảnh hưởng.</translation>
        </message>
        <message>
            <source>&amp;Reset</source>
            <translation>&amp;Làm lại</translation>
        </message>
    </context>
    <context>
        <name>SetupChecklist</name>
        <message>
            <source>Scanner</source>
            <translation>Máy quét</translation>
        </message>
        <message>
            <source>Calendar</source>
            <translation>Lịch làm việc</translation>
        </message>
        <message>
            <source>What this desk still needs before it is fully ready. Each line says what is missing; its button takes you where to set it.</source>
            <translation>Những việc máy này còn cần làm trước khi sẵn sàng. Mỗi dòng cho biết còn thiếu gì; nút bên cạnh đưa bạn tới chỗ thiết lập.</translation>
        </message>
        <message>
            <source>Printer</source>
            <translation>Máy in</translation>
        </message>
        <message>
            <source>Portal</source>
            <translation>Cổng dịch vụ công</translation>
        </message>
        <message>
            <source>Backups folder</source>
            <translation>Thư mục sao lưu</translation>
        </message>
        <message>
            <source>Printer settings…</source>
            <translation>Cài đặt máy in…</translation>
        </message>
        <message>
            <source>Set up scanners</source>
            <translation>Thiết lập máy quét</translation>
        </message>
        <message>
            <source>Enrol…</source>
            <translation>Đăng ký máy…</translation>
        </message>
        <message>
            <source>See the calendar</source>
            <translation>Xem lịch</translation>
        </message>
        <message>
            <source>Choose the folder</source>
            <translation>Chọn thư mục</translation>
        </message>
        <message>
            <source>Check &amp;again</source>
            <translation>&amp;Kiểm tra lại</translation>
        </message>
        <message>
            <source>✔ Done</source>
            <translation>✔ Đã xong</translation>
        </message>
        <message>
            <source>✘ To do</source>
            <translation>✘ Chưa xong</translation>
        </message>
        <message>
            <source>Default printer: %1</source>
            <translation>Máy in mặc định: %1</translation>
        </message>
        <message>
            <source>No default printer: receipts cannot be printed directly.</source>
            <translation>Chưa có máy in mặc định: không in thẳng được giấy tiếp nhận.</translation>
        </message>
        <message>
            <source>A scanner is set up or was used at reception.</source>
            <translation>Đã có máy quét được thiết lập hoặc đã dùng khi tiếp nhận.</translation>
        </message>
        <message>
            <source>No scanner set up yet: add a network scanner or a scan folder.</source>
            <translation>Chưa thiết lập máy quét: hãy thêm máy quét mạng hoặc thư mục quét.</translation>
        </message>
        <message>
            <source>Enrolled with %1</source>
            <translation>Đã đăng ký với %1</translation>
        </message>
        <message>
            <source>Not enrolled: dossiers are not sent to the portal.</source>
            <translation>Chưa đăng ký: hồ sơ chưa được gửi lên cổng.</translation>
        </message>
        <message>
            <source>The calendar of the years in use is confirmed.</source>
            <translation>Lịch các năm đang dùng đã được xác nhận.</translation>
        </message>
        <message>
            <source>Still estimated: %1. Time limits over its holidays are marked *.</source>
            <translation>Còn ước tính: %1. Hạn giải quyết tính qua ngày nghỉ của năm đó được đánh dấu *.</translation>
        </message>
        <message>
            <source>Backups go to %1</source>
            <translation>Bản sao lưu được lưu vào %1</translation>
        </message>
        <message>
            <source>No backups folder chosen yet.</source>
            <translation>Chưa chọn thư mục sao lưu.</translation>
        </message>
    </context>
</TS>
