import type { Plugin } from 'vite';

export function precompressDirectory(dir: string): { files: number; bytes: number; brotli: number; gzip: number };
export function precompress(): Plugin;
