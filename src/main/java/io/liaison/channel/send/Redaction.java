package io.liaison.channel.send;

/** What the delivery log shows of a URL: its query (where platforms put keys and tokens) hidden. */
public final class Redaction {

    private Redaction() {}

    public static String url(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?***";
    }
}
