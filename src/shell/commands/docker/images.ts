/**
 * `docker images` and `docker image ls`/`list` (cli/command/image/list.go runImages, formatter/image.go):
 * the --filter values and the REPOSITORY[:TAG] argument (added as a `reference` filter) go to the daemon
 * (../../../docker/image_list.ts), which answers newest first; -q prints the ids only. When the legacy
 * `docker images` finds nothing for an argument that is an `image` verb ("docker images ls"), it says which
 * command was probably meant (printAmbiguousHint).
 */
import { addFilter, listImages } from '../../../docker';
import { commandAt, type Verb } from './cli';
import { filterArgs } from './filter_opt';
import { flagBool, flagList, flagString } from './flags';
import { renderRows, type RowContext } from './format';
import { humanDuration } from './humanize';
import { IMAGES_FLAGS } from './verb_flags';

/** formatter.imageContext (image.go newImageContext): its methods and their column titles. */
const IMAGE_CONTEXT: RowContext = {
  type: '*formatter.imageContext',
  headers: {
    Containers: 'CONTAINERS',
    CreatedAt: 'CREATED AT',
    CreatedSince: 'CREATED',
    Digest: 'DIGEST',
    ID: 'IMAGE ID',
    Repository: 'REPOSITORY',
    SharedSize: 'SHARED SIZE',
    Size: 'SIZE',
    Tag: 'TAG',
    UniqueSize: 'UNIQUE SIZE',
    VirtualSize: 'SIZE',
  },
};

/** The `docker image` verbs and aliases printAmbiguousHint knows. */
const IMAGE_VERBS = new Set([
  'build',
  'history',
  'import',
  'inspect',
  'list',
  'load',
  'ls',
  'prune',
  'pull',
  'push',
  'rm',
  'save',
  'tag',
]);

/** `docker images`; `legacy`: invoked by that name (cmd.CalledAs() "images"), which may print the hint. */
function imagesVerb(legacy: boolean): Verb {
  return {
    path: 'docker images',
    use: 'docker images [OPTIONS] [REPOSITORY[:TAG]]',
    short: 'List images',
    flags: IMAGES_FLAGS,
    args: { max: 1 },
    run(io, p) {
      const st = io.os.state.docker;
      const now = io.os.state.clock.nowUs;
      const match = p.args[0] ?? '';
      let filters = filterArgs(flagList(p, 'filter'));
      if (match !== '') filters = addFilter(filters, 'reference', match);
      const list = listImages(st, filters, now);
      const trunc = !flagBool(p, 'no-trunc');
      // stringid.TruncateID drops "sha256:" and keeps 12; --no-trunc shows the whole image id.
      const id = (hex: string) => (trunc ? hex.slice(0, 12) : `sha256:${hex}`);
      const format = flagString(p, 'format');
      // NewImageFormat: --quiet replaces only the table format; a custom --format wins over it.
      if (flagBool(p, 'quiet') && (format === '' || format === 'table')) {
        for (const i of list) io.out(`${id(i.id)}\n`);
      } else {
        // imageContext's methods, in the sorted order its MarshalJSON (a map) gives {{json .}}. The list
        // asks for no container counts or shared sizes: those say N/A (image.go Containers, SharedSize).
        const rows = list.map((i) => ({
          Containers: 'N/A',
          CreatedAt: '',
          CreatedSince: `${humanDuration(now + i.createdDaysAgo * 86_400_000_000)} ago`,
          Digest: '<none>',
          ID: id(i.id),
          Repository: i.repository,
          SharedSize: 'N/A',
          Size: i.size,
          Tag: i.tag,
          UniqueSize: 'N/A',
          VirtualSize: i.size,
        }));
        io.out(
          renderRows(
            format,
            'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}',
            IMAGE_CONTEXT,
            rows,
            (r) => r,
          ),
        );
      }
      if (legacy && list.length === 0 && IMAGE_VERBS.has(match))
        io.err(`\nNo images found matching "${match}": did you mean "docker image ${match}"?\n`);
      return 0;
    },
  };
}

export const imagesVerbSpec = imagesVerb(true);
/** `docker image ls` and `docker image list`: the same command under the management command, no hint. */
export const imageLsVerbSpec = commandAt(imagesVerb(false), 'docker image ls');
