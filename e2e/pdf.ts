import { demoAuthorizationPdf } from '../src/seed/registry-witnesses.ts';

/** A small, real one-page PDF to upload as a scanned certificate or authorization. */
export const samplePdf = (title: string): Buffer => demoAuthorizationPdf(['QTrace e2e', title]);
