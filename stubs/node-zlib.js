// just-bash's browser bundle imports node:zlib for gzip/gunzip (upstream issue #81). Those commands are not
// offered in the playground; this stub keeps the import resolvable and fails clearly if ever called.
const unavailable = () => {
  throw new Error('gzip is not available in the browser');
};
export const gzipSync = unavailable;
export const gunzipSync = unavailable;
export const constants = {};
export default { gzipSync, gunzipSync, constants };
