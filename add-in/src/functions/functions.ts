// Custom functions: thin wrappers over the SDK (filled in by the custom-functions work).
export {};
