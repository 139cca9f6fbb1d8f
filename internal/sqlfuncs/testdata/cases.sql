# One query per line, run in a directory made by the test (see fixture in
# sqlfuncs_test.go). Expected output: cases.golden, written from the stock
# sqlite3 3.53 shell by `go test -update` (STOCK_SQLITE3 or
# ../shared/bin/stock-sqlite3). Results are made text by the query (quote,
# hex, printf) so that no renderer's float formatting is under test.

# percentile family
select quote(median(x)) from (select 1 x union all select 2 union all select 10)
select quote(percentile(x,25)), quote(percentile_cont(x,0.25)), quote(percentile_disc(x,0.25)), quote(percentile_disc(x,0.5)) from (select 1 x union all select 2 union all select 10 union all select 4)
select quote(percentile_disc(x, 0.3)), quote(percentile(x, 100)), quote(percentile(x, 0)) from (select 1 x union all select 2 union all select 3 union all select 4)
select quote(median(x)) from (select 1 x where 0)
select quote(median(x)), quote(percentile(x, '50')) from (select null x union all select 7 union all select 2.5)
select quote(median(5)), typeof(median(5))
select quote(median(x) over (order by x rows 1 preceding)) from (select 1 x union all select 5 union all select 3 union all select 9)
select quote(percentile(x, 30) over (order by x rows between 1 preceding and 1 following)) from (select 4 x union all select 1 union all select 8 union all select 2 union all select 6)
select quote(percentile_disc(x, 0.5) over (order by x desc)) from (select 4 x union all select 1 union all select 8)
select g, quote(median(x)) from (select 1 g, 3 x union all select 1, 1 union all select 2, 10) group by g
select quote(percentile(x, 50.0005)) from (select 1 x union all select 2)
select percentile(x,101) from (select 1 x)
select percentile_cont(x,2) from (select 1 x)
select percentile_disc(x,-1) from (select 1 x)
select percentile(1,'abc')
select percentile(1,null)
select median('a')
select median(x'01')
select median(1e999)
select percentile_cont(-1e999, 0.5)
select percentile(x, x) from (select 1 x union all select 2)
select percentile_cont(x, x/10.0) from (select 1 x union all select 2)

# sha1, sha3
select typeof(sha1('abc')), sha1('abc'), hex(sha1b('abc')), quote(sha1(null)), sha1(1), sha1(x'00'), sha1(''), sha1(2.5)
select typeof(sha3('abc')), hex(sha3('abc')), hex(sha3('abc',224)), hex(sha3('abc',384)), hex(sha3('abc',512)), quote(sha3(null)), hex(sha3(1.5)), hex(sha3(2)), hex(sha3(x''))
select hex(sha3(null, 384)), quote(sha3(null, 384))
select sha3('a',100)
select sha3('a','x')
select sha3(null, 1)
select hex(sha3_query('select 1; select 2'))
select hex(sha3_query('select 1, ''a'', null, x''01'', 2.5, -7', 224))
select hex(sha3_query('select 1;  '))
select hex(sha3_query(''))
select quote(sha3_query(null))
select hex(sha3_query('select name from sqlite_schema; select 3', 512))
select sha3_query('create table t(a); select 1',384)
select sha3_query('select 1',7)
select sha3_query('bogus')
select sha1_query('select 1, ''a'', null, x''01'', 2.5')
select sha1_query('select 1;  ')
select sha1_query('')
select sha1_query('select 1; select 2 union all select 3')
select sha1_query('delete from sqlite_schema')
select hex(sha3_agg(x)) from (select 1 x union all select 'a' union all select null union all select 2.5 union all select x'0102')
select hex(sha3_agg(x, 384)) from (select 1 x union all select 2)
select hex(sha3_agg(x, 7)) from (select 1 x union all select 2)
select quote(sha3_agg(x)) from (select 1 x where 0)

# base85
select base85(x'00010203ff'), quote(base85(x'')), typeof(base85(x'')), base85(x'41'), base85(x'4142'), base85(x'414243')
select base85(zeroblob(70))
select hex(base85('0Ki1')), hex(base85('!!!!#')), hex(base85('')), typeof(base85('')), hex(base85('ab cd')), hex(base85('a~b'))
select hex(base85(base85(x'00ff7f80deadbeef0102030405')))
select hex(base85(base85(x''))), length(base85(base85(zeroblob(1000))))
select hex(base85('#####' || char(10))), hex(base85('ab' || char(10) || char(10)))
select hex(base85('a'))
select base85(1)
select base85(null)
select is_base85('abc'), is_base85('a b'), quote(is_base85(null)), is_base85(''), is_base85('~'), is_base85('x' || char(9) || 'y'), is_base85('"')
select is_base85(x'41')
select is_base85(12)

# strtod, dtostr
select quote(strtod('1.5e3')), quote(strtod('abc')), quote(strtod(null)), quote(strtod('  12x')), typeof(strtod('3')), quote(strtod('0x10')), quote(strtod(12))
select quote(strtod('nan')), quote(strtod('-inf')), quote(strtod('1e400')), quote(strtod('1e-400')), quote(strtod('0x1.8p1')), quote(strtod('.5')), quote(strtod('5.')), quote(strtod('-'))
select quote(strtod('1e')), quote(strtod('1e+')), quote(strtod(' +3.5E2xyz')), quote(strtod('infinity')), quote(strtod('infinit')), quote(strtod('0x')), quote(strtod('0xg')), quote(strtod(''))
select quote(strtod(x'3132')), quote(strtod('-0')), quote(strtod('0x.8')), quote(strtod('0X1P-2')), quote(strtod('.')), quote(strtod('1.2.3')), quote(strtod('-.5e-1')), quote(strtod('4.9e-324'))
select dtostr(1.5), dtostr(0.1, 30), dtostr(1e300,5), dtostr(null), dtostr('abc'), dtostr(3), typeof(dtostr(1.0)), dtostr(1.0/3, 0), dtostr(-0.0)
select dtostr(1.0/3, 100), dtostr(1e999), dtostr(-1e999), dtostr(5e-324, 40), dtostr(123456789012345678), dtostr(2.5, -3)
select dtostr(1e300, 350)
select dtostr(0.1, 400)

# usleep
select usleep(1000), typeof(usleep(0)), usleep(-5), usleep('x'), usleep(null), usleep(4294967296), usleep(2.9), usleep('12abc')

# lsmode, realpath
select lsmode(33188), lsmode(16877), lsmode(41471), lsmode(4516), lsmode(0), lsmode(511), lsmode(null), lsmode('x')
select realpath('.') = '$DIR', realpath('')
select realpath('sub'), realpath('lnk'), realpath('lnk/../a.txt'), realpath('nonexist'), realpath('sub/nonexist/y')
select realpath('./sub/./'), realpath('sub//b.bin'), realpath('sub/nonexist/../b.bin'), realpath(x'2e'), quote(realpath(null))
select realpath('/'), realpath('/..'), realpath('lnk/')

# readfile, writefile, fsdir
select quote(readfile('a.txt')), quote(readfile('nonexist')), quote(readfile(null)), typeof(readfile('a.txt')), quote(readfile('lnk/b.bin'))
select quote(readfile('sub'))
select quote(readfile('lnk'))
select writefile('out/w.txt', 'data'), quote(readfile('out/w.txt'))
select writefile('w2.txt', x'000102', 420), writefile('w3.txt', 'x', 384, 1000000000), quote(writefile('wdir', null, 16872)), quote(writefile('wlink', 'a.txt', 41471)), writefile('w4.txt', ''), quote(writefile('w5.txt', null))
select name, mode, lsmode(mode), quote(data), level from fsdir('.') where name glob './w*' order by name
select name, mtime from fsdir('w3.txt')
select quote(writefile('sub', null, 16877)), quote(writefile('a.txt', null, 16877))
select quote(writefile('out/w.txt/x', 'x', 33188))
select quote(writefile('sub', 'x'))
select writefile('a')
select writefile('a', 'b', 1, 2, 3)
select quote(writefile(null, 'x'))
select name, mode, lsmode(mode), mtime, quote(data) from fsdir('a.txt')
select name, lsmode(mode), mtime, quote(data), level from fsdir('sub') order by name
select name, lsmode(mode), quote(data) from fsdir('lnk')
select name, level from fsdir('.') where name not glob './w*' order by name
select name, level from fsdir('.') where level < 2
select name, level from fsdir('.') where level <= 2 and name not glob './w*' order by name
select name, level from fsdir('.') where level = 2 and name not glob './w*' order by name
select name from fsdir('sub', '$DIR') order by name
select name from fsdir('b.bin', '$DIR/sub')
select name from fsdir('$DIR/sub') order by name
select quote(readfile(name)) from fsdir('sub/b.bin')
select count(*) from fsdir('nonexist')
select count(*) from fsdir('sub', 'nonexist')
select * from fsdir()
select * from fsdir(null)
select count(*) from fsdir('sub') where path = 'x'

# where sha3_query's error message says parsing stopped
select sha3_query('select * from nosuch; select 1')
select sha3_query('select 1; bogus x; select 2')
select sha3_query('selec 1')
select sha3_query('select (1')
select sha1_query('select "abc')
select sha1_query('select 1 from nosuch where '';'' = 1; select 2')
select sha1_query('select x''zz''; select 2')

# edit(TEXT, EDITOR): the editor runs as `EDITOR "TEMPFILE"` through /bin/sh
select edit('abc', 'true'), typeof(edit(12, 'true')), edit(12, 'true')
select edit('abc', 'sed -i s/b/B/')
select hex(edit('abc', 'printf ''x\r\ny\n'' >')), hex(edit('a'||char(13,10), 'printf ''x\r\ny'' >'))
select typeof(edit(x'00ff0d0a', 'true')), hex(edit(x'00ff0d0a', 'true')), hex(edit(x'', 'printf ''\r\n'' >'))
select edit('abc', 'false')
select edit('abc', 'rm')
select edit(NULL, 'true')
select edit('abc', NULL)
select edit(NULL, NULL)
