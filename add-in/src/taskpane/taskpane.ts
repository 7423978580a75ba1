// Taskpane entry (filled in by the taskpane work).
export {};
