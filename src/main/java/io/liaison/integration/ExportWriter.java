package io.liaison.integration;

import io.liaison.contact.Contact;
import java.io.Closeable;
import java.io.IOException;

/** Writes the contacts of an export to its file, one at a time. */
interface ExportWriter extends Closeable {

    void write(Contact contact) throws IOException;
}
