/** BusyBox 1.35 (Debian build) `wget` usage, printed to stderr with exit 1. */
export const BUSYBOX_WGET_USAGE =
  'BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n' +
  '\n' +
  'Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n' +
  '\t[--post-data STR | --post-file FILE] [-Y on/off]\n' +
  '\t[--no-check-certificate] [-P DIR] [-U AGENT] URL...\n' +
  '\n' +
  'Retrieve files via HTTP or FTP\n' +
  '\n' +
  '\t--spider\tOnly check URL existence: $? is 0 if exists\n' +
  "\t--header STR\tAdd STR (of form 'header: value') to headers\n" +
  '\t--post-data STR\tSend STR using POST method\n' +
  '\t--post-file FILE\tSend FILE using POST method\n' +
  "\t--no-check-certificate\tDon't validate the server's certificate\n" +
  '\t-c\t\tContinue retrieval of aborted transfer\n' +
  '\t-q\t\tQuiet\n' +
  '\t-P DIR\t\tSave to DIR (default .)\n' +
  '\t-S    \t\tShow server response\n' +
  "\t-O FILE\t\tSave to FILE ('-' for stdout)\n" +
  '\t-o LOGFILE\tLog messages to FILE\n' +
  '\t-U STR\t\tUse STR for User-Agent header\n' +
  '\t-Y on/off\tUse proxy\n';
