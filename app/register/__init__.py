"""The tracking register (Sổ theo dõi hồ sơ): Mẫu 07 of Circular 03/2025/TT-VPCP, Mẫu 06 of
Circular 01/2018/TT-VPCP, for the dossiers received in a period.

`rows` reads the register from the store; `layout` holds its columns and which circular's
layout applies; `pdf`, `xlsx` and `csvfile` write it; `export` picks the writer by file name.
docs/register.md says where every column comes from and how sure we are of the official layout.
"""
