// The part of unzipper (exceljs' own unzip library) the import uses: the central directory, then entries as streams.
declare module 'unzipper' {
  interface Entry {
    path: string;
    type: 'File' | 'Directory';
    compressedSize: number;
    uncompressedSize: number;
    stream(): NodeJS.ReadableStream;
  }
  interface CentralDirectory {
    files: Entry[];
  }
  const unzipper: { Open: { buffer(data: Buffer): Promise<CentralDirectory> } };
  export default unzipper;
}
