<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>CatalogModel</name>
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
    <name>DeskStatusBar</name>
    <message>
        <source>Offline · portal not connected</source>
        <translation>Ngoại tuyến · Chưa kết nối cổng</translation>
    </message>
    <message>
        <source>Waiting to sync: …</source>
        <translation>Chờ đồng bộ: …</translation>
    </message>
    <message>
        <source>Sync queue unavailable</source>
        <translation>Không đọc được hàng đợi đồng bộ</translation>
    </message>
</context>
<context>
    <name>DossiersPage</name>
    <message>
        <source>Dossiers</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>The list of received dossiers will come here, with search, filters, due dates and lifecycle actions.</source>
        <translation>Danh sách hồ sơ đã tiếp nhận sẽ có ở đây, kèm tìm kiếm, bộ lọc, hạn trả kết quả và các thao tác xử lý hồ sơ.</translation>
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
        <translation>Đang đăng nhập: %1. Nhập mật khẩu để tiếp tục.</translation>
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
    <name>ReceptionPage</name>
    <message>
        <source>Reception</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Receiving a dossier will come here: choosing the procedure, the applicant, the documents and fees, and printing the receipt.</source>
        <translation>Tiếp nhận hồ sơ sẽ có ở đây: chọn thủ tục, nhập người nộp, thành phần hồ sơ, phí và lệ phí, in giấy tiếp nhận và hẹn trả kết quả.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Recovery key</source>
        <translation>Khóa khôi phục</translation>
    </message>
    <message>
        <source>This is the recovery key of the local store. It is shown only once. Write it down or print it and keep it locked away: with it, an administrator can open the store if every password is lost.</source>
        <translation>Đây là khóa khôi phục của kho dữ liệu trên máy. Khóa chỉ hiển thị một lần. Hãy ghi lại hoặc in ra và cất giữ cẩn thận: khi mọi mật khẩu đều bị quên, quản trị viên dùng khóa này để mở kho dữ liệu.</translation>
    </message>
    <message>
        <source>I have &amp;written down the recovery key</source>
        <translation>Tôi đã &amp;ghi lại khóa khôi phục</translation>
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
        <translation>Khóa khôi phục MotCua Desk</translation>
    </message>
    <message>
        <source>Keep this sheet locked away. Anyone holding it can open the store.</source>
        <translation>Cất giữ tờ này ở nơi an toàn. Ai có tờ này đều có thể mở kho dữ liệu.</translation>
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
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <source>Synchronisation with the central portal will come here: device enrolment, what is waiting, what was refused and why.</source>
        <translation>Đồng bộ với cổng dịch vụ công sẽ có ở đây: đăng ký thiết bị, những gì đang chờ gửi, những gì bị từ chối và lý do.</translation>
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
</context>
</TS>
