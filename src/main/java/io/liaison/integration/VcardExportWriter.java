package io.liaison.integration;

import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.text.VCardWriter;
import ezvcard.parameter.ImageType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Gender;
import ezvcard.property.Photo;
import ezvcard.property.StructuredName;
import ezvcard.property.Uid;
import io.liaison.contact.ChineseNames;
import io.liaison.contact.Contact;
import io.liaison.contact.Contact.ContactDraft;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * vCard 3.0 or 4.0 in UTF-8, one card per contact: a UID from the contact's id, the name split into
 * family and given names with their pinyin in {@code X-PHONETIC-LAST-NAME} and {@code
 * X-PHONETIC-FIRST-NAME} (so that iPhones sort Chinese names by pinyin), the tags as categories,
 * and the avatar as the photo.
 */
public final class VcardExportWriter implements ExportWriter {

    private static final Pattern DATA_URL = Pattern.compile("data:image/(png|jpeg|gif|webp);base64,(.+)");

    private final VCardWriter writer;
    private final Map<UUID, String> tagNames;

    VcardExportWriter(OutputStream out, String version, Map<UUID, String> tagNames) {
        this.writer = new VCardWriter(
                new OutputStreamWriter(out, StandardCharsets.UTF_8),
                version.equals("4.0") ? VCardVersion.V4_0 : VCardVersion.V3_0);
        this.tagNames = tagNames;
    }

    /** One contact as a vCard of {@code version} (3.0 or 4.0), as an export file has it: the address book's cards. */
    public static String card(Contact contact, String version, Map<UUID, String> tagNames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (VcardExportWriter writer = new VcardExportWriter(out, version, tagNames)) {
            writer.write(contact);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void write(Contact contact) throws IOException {
        ContactDraft d = contact.fields();
        VCard card = new VCard();
        card.setUid(new Uid("urn:uuid:" + contact.id()));
        card.setFormattedName(d.name());
        StructuredName n = new StructuredName();
        ChineseNames.phonetic(d.name())
                .ifPresentOrElse(
                        p -> {
                            n.setFamily(d.name().strip().substring(0, p.familyChars()));
                            n.setGiven(d.name().strip().substring(p.familyChars()));
                            card.addExtendedProperty("X-PHONETIC-LAST-NAME", p.family());
                            card.addExtendedProperty("X-PHONETIC-FIRST-NAME", p.given());
                        },
                        () -> n.setGiven(d.name()));
        card.setStructuredName(n);
        if (d.mobile() != null) {
            card.addTelephoneNumber(d.mobile(), TelephoneType.CELL);
        }
        d.phones().forEach(p -> card.addTelephoneNumber(p.number(), TelephoneType.VOICE));
        d.emails().forEach(e -> card.addEmail(e.address()));
        if (d.company() != null) {
            card.setOrganization(d.company());
        }
        if (d.title() != null) {
            card.addTitle(d.title());
        }
        if (d.address() != null) {
            Address address = new Address();
            address.setStreetAddress(d.address());
            card.addAddress(address);
        }
        if (d.remark() != null) {
            card.addNote(d.remark());
        }
        List<String> categories =
                d.tagIds().stream().map(tagNames::get).filter(t -> t != null).toList();
        if (!categories.isEmpty()) {
            card.setCategories(categories.toArray(String[]::new));
        }
        if (d.birthday() != null) {
            card.setBirthday(d.birthday());
        }
        if (d.gender() != null && !d.gender().equals("unknown")) {
            card.setGender(d.gender().equals("male") ? Gender.male() : Gender.female());
        }
        photo(d.avatarUrl(), card);
        writer.write(card);
    }

    private static void photo(@Nullable String avatar, VCard card) {
        if (avatar == null) {
            return;
        }
        Matcher data = DATA_URL.matcher(avatar);
        if (data.matches()) {
            ImageType type = ImageType.find(null, "image/" + data.group(1), null);
            card.addPhoto(new Photo(Base64.getDecoder().decode(data.group(2)), type == null ? ImageType.JPEG : type));
        } else {
            card.addPhoto(new Photo(avatar, ImageType.JPEG));
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
