package io.liaison.integration;

import io.liaison.contact.CustomField;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The workbook to fill in for an import: the export's headers in Chinese or English (so that every
 * column is recognised), the organization's custom fields, and one example row.
 */
public final class ImportTemplate {

    private static final Map<Boolean, List<String>> EXAMPLE = Map.of(
            true,
            List.of(
                    "张三",
                    "13800138000",
                    "021-61234567",
                    "zhangsan@example.cn",
                    "上海某某贸易有限公司",
                    "采购经理",
                    "上海市浦东新区世纪大道100号",
                    "展会认识",
                    "客户,重要",
                    "",
                    "男",
                    "1985-03-02"),
            false,
            List.of(
                    "Zhang San",
                    "13800138000",
                    "021-61234567",
                    "zhangsan@example.cn",
                    "Shanghai Trading Co.",
                    "Purchasing manager",
                    "100 Century Avenue, Shanghai",
                    "Met at a trade fair",
                    "Customer,Key",
                    "",
                    "male",
                    "1985-03-02"));

    private ImportTemplate() {}

    static void write(OutputStream out, String language, List<CustomField> customFields) throws IOException {
        boolean chinese = language.startsWith("zh");
        ExportColumns columns = new ExportColumns(language, customFields, List.of(), Map.of(), id -> "", null);
        List<String> header = columns.header();
        try (Workbook workbook = new Workbook(out, "Liaison", "1.0")) {
            Worksheet sheet = workbook.newWorksheet(chinese ? "联系人" : "Contacts");
            List<String> example = EXAMPLE.get(chinese);
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
                sheet.style(0, c).bold().fillColor("DDEBF7").set();
                sheet.width(c, 18);
                if (c < example.size() && !example.get(c).isEmpty()) {
                    sheet.value(1, c, example.get(c));
                }
            }
            sheet.style(1, 0).italic().set();
        }
    }
}
