/** KYC documents are stored like every other upload (common/files); these are the KYC names for it. */
export {
  FILE_CONTENT_TYPES as KYC_CONTENT_TYPES,
  type StoredContentType as KycContentType,
  detectContentType,
  LocalDocumentStore,
  SNIFF_BYTES,
  type StoredFile,
  type StoreFailure,
  UploadSink,
} from '../../common/files/file-store';
