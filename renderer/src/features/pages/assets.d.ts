// Vite's import forms the page view uses (pdf.ts): `?worker`, `?url` and import.meta.glob.
/// <reference types="vite/client" />
