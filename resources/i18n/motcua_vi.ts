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
        <source>3–32 characters: lower-case letters without accents, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>3–32 ký tự: chữ thường không dấu, chữ số, &apos;.&apos;, &apos;_&apos; hoặc &apos;-&apos;.</translation>
    </message>
    <message>
        <source>Enter the official&apos;s full name.</source>
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
        <source>Scan the chip ID card&apos;s QR into any field.</source>
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
        <source>The document feeder is empty: put the pages in and scan again.</source>
        <translation>Khay nạp giấy đang trống: đặt giấy vào rồi quét lại.</translation>
    </message>
    <message>
        <source>The scanner stopped answering in the middle of the job.</source>
        <translation>Máy quét ngừng trả lời giữa chừng.</translation>
    </message>
    <message>
        <source>The %1 page(s) scanned before were kept.</source>
        <translation>Đã giữ lại %1 trang quét trước đó.</translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
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
        <source>The catalogue is empty. An administrator can import the province&apos;s catalogue.</source>
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
</context>
<context>
    <name>DossiersPage</name>
    <message>
        <source>Dossiers</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Search by code, ID number or name…</source>
        <translation>Tìm theo mã hồ sơ, số định danh hoặc họ tên…</translation>
    </message>
    <message>
        <source>%1 dossiers match.</source>
        <translation>%1 hồ sơ phù hợp.</translation>
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
        <source>Enter the portal&apos;s address.</source>
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
        <source>it is not a chip-ID card QR (7 or 11 fields separated by | expected, %1 found)</source>
        <translation>đây không phải mã QR của thẻ căn cước gắn chip (cần 7 hoặc 11 trường ngăn bởi dấu |, nhận được %1)</translation>
    </message>
    <message>
        <source>it is not a chip-ID card QR</source>
        <translation>đây không phải mã QR của thẻ căn cước gắn chip</translation>
    </message>
    <message>
        <source>the old ID number on the card is not 9 or 12 digits</source>
        <translation>số CMND cũ trên thẻ không gồm 9 hoặc 12 chữ số</translation>
    </message>
    <message>
        <source>fields %1 of the card&apos;s QR hold data this version does not know; type the details in</source>
        <translation>các trường %1 trong mã QR của thẻ có dữ liệu phiên bản này chưa biết; hãy nhập thông tin bằng tay</translation>
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
        <source>No printer is set up on this computer: save the receipt as PDF and print it elsewhere.</source>
        <translation>Máy tính này chưa cài máy in: hãy lưu biên nhận thành PDF rồi in ở máy khác.</translation>
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
        <source>The dossier was NOT saved: %1. The form is kept; confirm again.</source>
        <translation>CHƯA lưu được hồ sơ: %1. Thông tin đã nhập vẫn được giữ; hãy xác nhận lại.</translation>
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
</context>
<context>
    <name>ReceptionProblems</name>
    <message>
        <source>Enter the 12-digit personal ID number.</source>
        <translation>Nhập số định danh cá nhân gồm 12 chữ số.</translation>
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
        <source>Enter the applicant&apos;s full name.</source>
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
        <source>The issue date must not be in the future or before the birth date.</source>
        <translation>Ngày cấp không được ở tương lai hoặc trước ngày sinh.</translation>
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
        <source>Enter the representative&apos;s full name.</source>
        <translation>Nhập họ và tên người được ủy quyền.</translation>
    </message>
    <message>
        <source>Check the representative&apos;s phone number.</source>
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
        <source>Give the postal address for the result.</source>
        <translation>Nhập địa chỉ nhận kết quả qua bưu chính.</translation>
    </message>
    <message>
        <source>Say where the community team received the dossier.</source>
        <translation>Ghi nơi tổ công nghệ số cộng đồng tiếp nhận hồ sơ.</translation>
    </message>
    <message>
        <source>This desk is not authorised to receive dossiers for this unit; the portal administrator must grant it, then synchronise.</source>
        <translation>Máy này chưa được cấp quyền tiếp nhận hồ sơ cho đơn vị này; quản trị cổng cần cấp quyền, sau đó đồng bộ.</translation>
    </message>
    <message>
        <source>Give the destination unit&apos;s identifier, e.g. 000.00.06.H56.</source>
        <translation>Nhập mã định danh đơn vị nhận, ví dụ 000.00.06.H56.</translation>
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
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Reports will come here: the tracking register and statistics as PDF and Excel.</source>
        <translation>Báo cáo sẽ có ở đây: sổ theo dõi hồ sơ và số liệu thống kê, xuất ra PDF và Excel.</translation>
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
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <source>MotCua Desk – First-time setup</source>
        <translation>MotCua Desk – Thiết lập ban đầu</translation>
    </message>
    <message>
        <source>First-time setup</source>
        <translation>Thiết lập ban đầu</translation>
    </message>
    <message>
        <source>This computer has no local store yet. Enter the unit&apos;s details and create the first administrator account. The data on this computer will be encrypted.</source>
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
        <source>Enter the unit&apos;s electronic identifier.</source>
        <translation>Hãy nhập mã định danh điện tử của đơn vị.</translation>
    </message>
    <message>
        <source>Use the form 000.00.06.H56 (four groups separated by dots).</source>
        <translation>Nhập theo dạng 000.00.06.H56 (bốn nhóm, cách nhau bằng dấu chấm).</translation>
    </message>
    <message>
        <source>Enter the unit&apos;s full name as printed on receipts.</source>
        <translation>Hãy nhập tên đầy đủ của đơn vị như in trên giấy tiếp nhận.</translation>
    </message>
    <message>
        <source>3–32 characters: lower-case letters without accents, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>Từ 3 đến 32 ký tự: chữ thường không dấu, chữ số, dấu “.”, “_” hoặc “-”.</translation>
    </message>
    <message>
        <source>Enter the administrator&apos;s full name.</source>
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
</context>
<context>
    <name>SummaryBar</name>
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
        <source>Reason (the portal&apos;s words)</source>
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
        <source>The portal said: %1</source>
        <translation>Cổng trả lời: %1</translation>
    </message>
    <message>
        <source>Last problem: %1</source>
        <translation>Sự cố gần nhất: %1</translation>
    </message>
    <message>
        <source>the portal could not be reached (%1); the desk retries by itself.</source>
        <translation>không kết nối được cổng (%1); máy sẽ tự thử lại.</translation>
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
        <source>No camera was found on this computer. Connect a webcam, or take the photo with a phone and use &quot;Import files / phone photo…&quot;.</source>
        <translation>Không tìm thấy camera trên máy này. Hãy cắm webcam, hoặc chụp bằng điện thoại rồi dùng &quot;Nhập tệp / ảnh điện thoại…&quot;.</translation>
    </message>
    <message>
        <source>%1 photo(s) taken.</source>
        <translation>Đã chụp %1 ảnh.</translation>
    </message>
    <message>
        <source>The camera reported a problem: %1</source>
        <translation>Camera báo lỗi: %1</translation>
    </message>
</context>
<context>
    <name>accounts</name>
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
</TS>
