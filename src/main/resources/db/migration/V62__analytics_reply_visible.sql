-- Analytics (issue 24): V61 rewrote analytics_reply, which leaves its visibility map empty, so the
-- median first reply could not read the waits from the index alone until autovacuum next came by
-- (measured at 10^6: 267 ms through the heap instead of 31 ms). VACUUM sets the map again; it runs
-- outside a transaction (V62__analytics_reply_visible.sql.conf).
VACUUM (ANALYZE) analytics_reply;
