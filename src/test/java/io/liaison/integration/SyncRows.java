package io.liaison.integration;

/**
 * The same generated contacts as NDJSON sync lines and as CSV rows: a name, a mobile (every
 * 10,000th one invalid), one of 997 companies and a crm external id.
 */
final class SyncRows {

    private SyncRows() {}

    static String ndjson(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            out.append("{\"source\":\"crm\",\"externalId\":\"S-")
                    .append(i)
                    .append("\",\"name\":\"")
                    .append(name(i))
                    .append("\",\"mobile\":\"")
                    .append(mobile(i))
                    .append("\",\"company\":\"")
                    .append(company(i))
                    .append("\"}\n");
        }
        return out.toString();
    }

    static String csv(int count) {
        StringBuilder out = new StringBuilder("name,mobile,company,externalIds.crm\n");
        for (int i = 1; i <= count; i++) {
            out.append(name(i))
                    .append(',')
                    .append(mobile(i))
                    .append(',')
                    .append(company(i))
                    .append(",S-")
                    .append(i)
                    .append('\n');
        }
        return out.toString();
    }

    private static String name(int i) {
        return "客户" + i;
    }

    private static String mobile(int i) {
        return i % 10_000 == 0 ? "12345" : "139" + String.format("%08d", i);
    }

    private static String company(int i) {
        return "公司" + (i % 997);
    }
}
