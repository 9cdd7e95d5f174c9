select computed_at from report_release where family = 'NEEDS' and scope = 'Borno' and period = '${PERIOD}';
select theme, position, speaker_type, text from report_release_quote where family = 'NEEDS' and scope = 'Borno' and period = '${PERIOD}' order by theme, position;
select tbl, row_key, col_key, value, hidden from report_release_cell where family = 'NEEDS' and scope = 'Borno' and period = '${PERIOD}';
select computed_at from report_release where family = 'CASE_MANAGEMENT' and scope = 'Borno' and period = '${PERIOD}';
select tbl, row_key, col_key, value, hidden from report_release_cell where family = 'CASE_MANAGEMENT' and scope = 'Borno' and period = '${PERIOD}';
select tbl, row_key, col_key, value, hidden from report_release_cell where family = 'FEEDBACK' and scope = 'Borno' and period = '${PERIOD}';
select tbl, row_key, col_key, value, hidden from report_release_cell where family = 'SUPERVISION' and scope = 'Borno' and period = '${PERIOD}';
select name from need_theme order by name;
select code from agency where state = 'Borno' and type in ('CASE_MANAGEMENT', 'CHILD_PROTECTION') order by code;
