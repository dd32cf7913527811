package io.liaison.integration.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.identity.Actor;
import io.liaison.integration.ImportJob;
import io.liaison.integration.ImportOptions;
import io.liaison.integration.ImportService;
import io.liaison.integration.UploadLimit;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.Downloads;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import page: a file dropped or chosen is previewed with the columns as they will be read
 * (each one's field can be changed, and the preview follows), then imported with a progress bar
 * that follows the job until it ends, and a link to the rows it did not import.
 */
@Controller
@RequestMapping("/contacts/import")
class ImportPages {

    /** The refused rows a finished job lists on the page; the error report has them all. */
    static final int PROBLEMS_SHOWN = 20;

    private final ImportService imports;
    private final UploadLimit uploadLimit;
    private final JsonMapper json;

    ImportPages(ImportService imports, UploadLimit uploadLimit, JsonMapper json) {
        this.imports = imports;
        this.uploadLimit = uploadLimit;
        this.json = json;
    }

    @GetMapping
    String page(Actor actor, Model model) {
        model.addAttribute("recent", imports.recent(actor));
        return "integration/import";
    }

    /** The first upload: the file is kept, and its first rows shown with the columns' fields. */
    @HxRequest
    @PostMapping("/preview")
    String preview(
            Actor actor,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam Map<String, String> form,
            Model model) {
        if (file == null || file.isEmpty()) {
            throw LiaisonException.invalid("file", "invalid.choose-file");
        }
        ImportService.Preview preview = imports.preview(actor, uploadLimit.open(file), name(file), options(form, null));
        return mapping(actor, preview, form, model);
    }

    /**
     * A changed field of a column or option: the same upload previewed again. Another worksheet has
     * other columns, so its fields are recognised afresh.
     */
    @HxRequest
    @PostMapping("/remap")
    String remap(Actor actor, @RequestParam UUID uploadId, @RequestParam Map<String, String> form, Model model) {
        boolean otherSheet = !Objects.equals(form.get("sheet"), form.get("mappedSheet"));
        ImportService.Preview preview =
                imports.preview(actor, uploadId, options(form, otherSheet ? null : mapping(form)));
        return mapping(actor, preview, form, model);
    }

    @HxRequest
    @PostMapping("/start")
    String start(Actor actor, @RequestParam UUID uploadId, @RequestParam Map<String, String> form, Model model) {
        return progress(actor, imports.start(actor, uploadId, options(form, mapping(form))), model);
    }

    /** The rows the job did not import, as the API's error report. */
    @GetMapping("/{id}/errors")
    ResponseEntity<StreamingResponseBody> errors(Actor actor, @PathVariable UUID id) {
        imports.get(actor, id);
        // the answer is written on another thread, in the language of this request
        Locale locale = LocaleContextHolder.getLocale();
        return Downloads.attachment(
                "text/csv;charset=UTF-8",
                "import-errors-" + id + ".csv",
                out -> imports.writeProblems(actor, id, locale, out));
    }

    /** The workbook to fill in, headed in Chinese ({@code zh}) or English. */
    @GetMapping("/template")
    ResponseEntity<StreamingResponseBody> template(Actor actor, @RequestParam(defaultValue = "zh") String lang) {
        boolean chinese = lang.startsWith("zh");
        return Downloads.attachment(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                chinese ? "联系人导入模板.xlsx" : "contacts-import-template.xlsx",
                out -> imports.writeTemplate(actor, chinese ? "zh-CN" : "en", out));
    }

    @HxRequest
    @GetMapping("/{id}/progress")
    String progress(Actor actor, @PathVariable UUID id, Model model) {
        return progress(actor, imports.get(actor, id), model);
    }

    @HxRequest
    @PostMapping("/{id}/cancel")
    String cancel(Actor actor, @PathVariable UUID id, Model model) {
        return progress(actor, imports.cancel(actor, id), model);
    }

    /** The job's progress; once it has ended, with the first rows it did not import and why. */
    private String progress(Actor actor, ImportJob job, Model model) {
        model.addAttribute("job", job);
        model.addAttribute("problems", job.finished() ? imports.problems(actor, job.id(), PROBLEMS_SHOWN) : List.of());
        model.addAttribute("problemsShown", PROBLEMS_SHOWN);
        return "integration/import :: progress";
    }

    private String mapping(Actor actor, ImportService.Preview preview, Map<String, String> form, Model model) {
        model.addAttribute("preview", preview);
        model.addAttribute("targets", imports.targets(actor));
        model.addAttribute("form", form);
        return "integration/import :: mapping";
    }

    /** The columns' fields as the mapping step sends them: {@code column[<header>]=<field>}. */
    private static Map<String, String> mapping(Map<String, String> form) {
        Map<String, String> mapping = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith("column[") && key.endsWith("]")) {
                mapping.put(key.substring(7, key.length() - 1), value);
            }
        });
        return mapping;
    }

    private ImportOptions options(Map<String, String> form, @Nullable Map<String, String> mapping) {
        return ImportOptions.read(
                form.get("format"),
                form.get("mode"),
                form.get("match"),
                mapping == null ? null : json.writeValueAsString(mapping),
                form.containsKey("dryRun") ? "true" : "false",
                null,
                form.containsKey("createMissingTags") ? "true" : "false",
                form.get("sheet"),
                json);
    }

    private static String name(MultipartFile file) {
        return file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
    }
}
