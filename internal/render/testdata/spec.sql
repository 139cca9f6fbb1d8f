.mode qbox --quote relaxed --limits 2,300,0
SELECT 1 AS n, 'plain' AS t, NULL AS b UNION ALL SELECT 2, '日本語 wide text here', x'00ff' UNION ALL SELECT 3, 'l1'||char(10)||'l2'||char(10)||'l3', '12';
.mode table --border off --sw 20
SELECT 1 AS n, 'plain' AS t, NULL AS b UNION ALL SELECT 2, '日本語 wide text here', x'00ff' UNION ALL SELECT 3, 'l1'||char(10)||'l2'||char(10)||'l3', '12';
.mode list --escape symbol --charlimit 5
SELECT 1 AS n, 'plain' AS t, NULL AS b UNION ALL SELECT 2, '日本語 wide text here', x'00ff' UNION ALL SELECT 3, 'l1'||char(10)||'l2'||char(10)||'l3', '12';
