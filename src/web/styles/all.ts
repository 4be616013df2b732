// Every Mantine style, in the `mantine` layer (see first-paint.ts): loaded with the signed-in shell and the
// public pages, before they render.
import '@mantine/core/styles.layer.css';
