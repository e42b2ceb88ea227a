import { hasThumbnail } from '#core/api/files';
import { fileKind } from '#core/files/kind';
import type { FileVersion } from '#core/api/files';
import { fileThumbnail } from '../api/files.ts';
import { useBlobUrl } from '../state/use-blob-url.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { FileIcon } from './FileIcon.tsx';

/**
 * A file's picture in the list: the relay's thumbnail of an image (decorative: the name
 * is beside it), else, or until it comes, or when the image has none, its kind's badge.
 */
export function Thumbnail({ file }: { file: FileVersion }) {
  const { api } = useSignedIn();
  const url = useBlobUrl(hasThumbnail(file.type) ? file.id : null, () => fileThumbnail(api, file.id));
  if (!url) return <FileIcon kind={fileKind(file.type, file.name)} />;
  return <img className="file-thumbnail" src={url} alt="" data-testid="file-thumbnail" />;
}
