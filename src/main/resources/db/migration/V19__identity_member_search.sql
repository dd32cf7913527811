-- What a member picker matches a query against: the display name as queries are normalised, the
-- login, and the name's pinyin spellings and initials, separated by spaces (so that 张三 is found
-- by 张三, zhangsan and zs). The application writes them; rows from before this column get theirs
-- when Liaison starts (MemberSearchBackfill), and are found by name and login until then.
ALTER TABLE member ADD COLUMN search_keys text;
