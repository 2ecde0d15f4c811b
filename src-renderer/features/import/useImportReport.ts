import { useStore } from 'zustand';
import { importReportStore, type ImportReportState } from './import-report-store';

export const useImportReport = (): ImportReportState => useStore(importReportStore);
