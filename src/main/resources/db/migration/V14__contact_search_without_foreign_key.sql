-- The foreign key from the search keys to their contact cost an index lookup and a row lock per
-- key row (about 16 per contact), a third of an import's time writing keys. Nothing needs it:
-- keys are rewritten in the transaction of every change of a contact, a trashed contact has none,
-- and the purge of the trash deletes any a contact might still have.
ALTER TABLE contact_search DROP CONSTRAINT contact_search_org_id_contact_id_fkey;
