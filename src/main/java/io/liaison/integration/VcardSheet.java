package io.liaison.integration;

import ezvcard.VCard;
import ezvcard.io.text.VCardReader;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Birthday;
import ezvcard.property.Categories;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.Note;
import ezvcard.property.Organization;
import ezvcard.property.Photo;
import ezvcard.property.RawProperty;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Title;
import io.liaison.shared.Message;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The cards of a vCard file (2.1, 3.0 or 4.0; several per file) as rows of fixed columns, read one
 * card at a time in the file's detected encoding; quoted-printable values are decoded in the
 * character set their CHARSET parameter names. A card without a name and without an organization
 * is a record with a problem; a photo above {@link #MAX_PHOTO_BYTES} is left out with a note.
 */
final class VcardSheet implements Sheet {

    /** The mapping's fields but the owner, which a card does not have. */
    static final List<String> COLUMNS =
            ColumnMapping.FIELDS.stream().filter(f -> !f.equals("owner")).toList();

    static final int MAX_PHOTO_BYTES = 32 * 1024;

    private static final List<String> UNLABELLED_TYPES = List.of("voice", "pref", "msg", "text", "internet");
    private static final Pattern APPLE_LABEL = Pattern.compile("_\\$!<(.+)>!\\$_");

    private final VCardReader reader;
    private int number;

    VcardSheet(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            this.reader = new VCardReader(new NestedCards(TextEncoding.reader(in)));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    @Override
    public List<String> header() {
        return COLUMNS;
    }

    @Override
    public @Nullable Record next() throws IOException {
        VCard card = reader.readNext();
        if (card == null) {
            return null;
        }
        number++;
        String organization = organization(card);
        String name = name(card);
        Message note = null;
        String avatar = "";
        for (Photo photo : card.getPhotos()) {
            if (photo.getUrl() != null && photo.getUrl().matches("(?i)https?://.*")) {
                avatar = photo.getUrl();
                break;
            }
            if (photo.getData() != null && photo.getData().length > 0) {
                if (photo.getData().length > MAX_PHOTO_BYTES) {
                    note = Message.of("import.note.photo", photo.getData().length / 1024, MAX_PHOTO_BYTES / 1024);
                } else {
                    avatar = "data:" + mediaType(photo) + ";base64,"
                            + Base64.getEncoder().encodeToString(photo.getData());
                }
                break;
            }
        }
        List<String> cells = List.of(
                name.isEmpty() ? organization : name,
                join(phones(card, true), "\n"),
                join(phones(card, false), "\n"),
                join(card.getEmails().stream().map(Email::getValue), "\n"),
                organization,
                join(card.getTitles().stream().map(Title::getValue), " "),
                join(card.getAddresses().stream().map(VcardSheet::address), "\n"),
                join(card.getNotes().stream().map(Note::getValue), "\n"),
                join(card.getCategoriesList().stream().flatMap(c -> values(c).stream()), ","),
                card.getGender() == null || card.getGender().getGender() == null
                        ? ""
                        : card.getGender().getGender(),
                birthday(card.getBirthday()),
                avatar);
        if (name.isEmpty() && organization.isEmpty()) {
            return new Record(number, cells, Message.of("import.reason.no-name"), null);
        }
        return new Record(number, cells, null, note);
    }

    private static String name(VCard card) {
        String formatted = join(
                card.getFormattedNames().stream().map(FormattedName::getValue).limit(1), "");
        if (!formatted.isEmpty()) {
            return formatted;
        }
        StructuredName n = card.getStructuredName();
        if (n == null) {
            return "";
        }
        String family = Objects.toString(n.getFamily(), "").strip();
        String given = Objects.toString(n.getGiven(), "").strip();
        // Chinese and Japanese names are written family name first, without a space.
        return cjk(family + given) ? family + given : join(Stream.of(given, family), " ");
    }

    private static boolean cjk(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static String organization(VCard card) {
        Organization org = card.getOrganization();
        return org == null ? "" : join(org.getValues().stream(), " ");
    }

    private static List<String> phones(VCard card, boolean mobile) {
        List<String> numbers = new ArrayList<>();
        for (Telephone tel : card.getTelephoneNumbers()) {
            String number = tel.getText() != null
                    ? tel.getText()
                    : tel.getUri() == null ? null : tel.getUri().getNumber();
            if (number != null && !number.isBlank() && tel.getTypes().contains(TelephoneType.CELL) == mobile) {
                String label = mobile ? "" : label(card, tel);
                numbers.add(label.isEmpty() ? number.strip() : label + ": " + number.strip());
            }
        }
        return numbers;
    }

    /**
     * What the card calls a number: the {@code X-ABLabel} of its group (as an iPhone writes a label
     * it has no type for, {@code item1.X-ABLabel:手机}), else its types but voice and preferred.
     */
    private static String label(VCard card, Telephone tel) {
        if (tel.getGroup() != null) {
            for (RawProperty label : card.getExtendedProperties("X-ABLabel")) {
                if (tel.getGroup().equalsIgnoreCase(label.getGroup()) && label.getValue() != null) {
                    return appleLabel(label.getValue().strip().replaceAll("[:：\\n]", " "));
                }
            }
        }
        return join(
                tel.getTypes().stream()
                        .map(t -> t.getValue().toLowerCase(Locale.ROOT))
                        .filter(t -> !UNLABELLED_TYPES.contains(t)),
                " ");
    }

    /** Apple's own labels, {@code _$!<Mobile>!$_}, in the words the types use; any other as written. */
    private static String appleLabel(String label) {
        Matcher apple = APPLE_LABEL.matcher(label);
        if (!apple.matches()) {
            return label;
        }
        String words = apple.group(1).strip();
        return words.equals("iPhone")
                ? words
                : words.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
    }

    private static String address(Address a) {
        List<String> parts = Stream.of(
                        a.getCountry(),
                        a.getRegion(),
                        a.getLocality(),
                        a.getStreetAddressFull(),
                        a.getExtendedAddressFull())
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        if (parts.isEmpty()) {
            return a.getLabel() == null ? "" : a.getLabel().strip();
        }
        // Chinese addresses read from the country down; others from the street up.
        if (parts.stream().anyMatch(VcardSheet::cjk)) {
            return String.join("", parts);
        }
        List<String> upward = new ArrayList<>(parts);
        Collections.reverse(upward);
        return String.join(", ", upward);
    }

    private static List<String> values(Categories categories) {
        return categories.getValues();
    }

    private static String birthday(@Nullable Birthday birthday) {
        if (birthday == null) {
            return "";
        }
        Temporal date = birthday.getDate();
        if (date != null && date.isSupported(ChronoField.EPOCH_DAY)) {
            return LocalDate.ofEpochDay(date.getLong(ChronoField.EPOCH_DAY)).toString();
        }
        if (birthday.getPartialDate() != null && birthday.getPartialDate().getYear() != null) {
            var d = birthday.getPartialDate();
            if (d.getMonth() != null && d.getDate() != null) {
                return LocalDate.of(d.getYear(), d.getMonth(), d.getDate()).toString();
            }
        }
        return "";
    }

    private static String mediaType(Photo photo) {
        String type =
                photo.getContentType() == null ? null : photo.getContentType().getMediaType();
        return type == null ? "image/jpeg" : type.toLowerCase(Locale.ROOT);
    }

    private static String join(Stream<@Nullable String> values, String separator) {
        return values.filter(Objects::nonNull)
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining(separator));
    }

    private static String join(List<String> values, String separator) {
        return join(values.stream(), separator);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
