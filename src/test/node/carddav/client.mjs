// A real CardDAV client against Liaison: tsdav discovers the book through /.well-known/carddav,
// lists the address books and fetches the cards; with a saved state it syncs by sync-collection.
// Usage: node client.mjs <serverUrl> <user> <password> <stateFile>. Prints JSON on stdout.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { DAVClient } from 'tsdav';

const [serverUrl, username, password, stateFile] = process.argv.slice(2);
const client = new DAVClient({
  serverUrl,
  credentials: { username, password },
  authMethod: 'Basic',
  defaultAccountType: 'carddav',
});
await client.login();

if (!existsSync(stateFile)) {
  const books = await client.fetchAddressBooks();
  const book = books[0];
  const cards = await client.fetchVCards({ addressBook: book });
  const state = { ...book, objects: cards.map(({ url, etag, data }) => ({ url, etag, data })) };
  writeFileSync(stateFile, JSON.stringify(state));
  console.log(JSON.stringify({
    account: { rootUrl: client.account.rootUrl, principalUrl: client.account.principalUrl, homeUrl: client.account.homeUrl },
    books: books.map(({ url, displayName, syncToken, reports, resourcetype }) => ({ url, displayName, syncToken, reports, resourcetype })),
    cards: state.objects,
  }));
} else {
  const saved = JSON.parse(readFileSync(stateFile, 'utf8'));
  const synced = await client.smartCollectionSync({
    collection: { ...saved, objectMultiGet: client.addressBookMultiGet.bind(client) },
    method: 'webdav',
    account: client.account,
    detailedResult: true,
  });
  console.log(JSON.stringify({
    syncToken: synced.syncToken,
    previousToken: saved.syncToken,
    created: synced.objects.created,
    updated: synced.objects.updated,
    deleted: synced.objects.deleted,
  }));
}
