/**
 * Offers text or bytes as a file download from an extension page: a Blob behind an object URL, clicked through a
 * temporary <a download>. Pages take this as a prop so tests can look at the file instead of the browser's downloads.
 */
export type Download = (name: string, text: string) => void;
export type DownloadFile = (name: string, file: Blob) => void;

export const downloadFile: DownloadFile = (name, file) => {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; revoking later lets slow browsers read the Blob first.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};

export const downloadText: Download = (name, text) => downloadFile(name, new Blob([text], { type: 'application/json' }));
