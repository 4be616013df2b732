// pdfmake 0.3 ships no type declarations; the few calls made are typed where they are used.
declare module 'pdfmake';
