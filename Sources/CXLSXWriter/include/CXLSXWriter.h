#ifndef OPSREPORT_CXLSXWRITER_H
#define OPSREPORT_CXLSXWRITER_H
// libxlsxwriter, loaded at first use rather than linked: only `opsreport tables --format xlsx`
// needs it, and no other command pays for loading it. The types and constants come from the
// headers (apt `libxlsxwriter-dev`); the functions OpsReport calls are resolved with dlsym into
// `OpsXLSXWriterFunctions`. Do not call the functions the header declares directly: the binary
// does not link them.
#include <xlsxwriter.h>

/// The libxlsxwriter functions OpsReport calls (same signatures as in `xlsxwriter.h`, checked
/// at compile time), resolved from the shared library.
typedef struct OpsXLSXWriterFunctions {
    lxw_workbook *_Nullable (*_Nonnull workbookNew)(const char *_Nonnull filename);
    lxw_worksheet *_Nullable (*_Nonnull workbookAddWorksheet)(lxw_workbook *_Nonnull workbook,
                                                              const char *_Nullable sheetname);
    lxw_error (*_Nonnull workbookClose)(lxw_workbook *_Nonnull workbook);
    lxw_error (*_Nonnull worksheetWriteString)(lxw_worksheet *_Nonnull worksheet, lxw_row_t row, lxw_col_t col,
                                               const char *_Nonnull string, lxw_format *_Nullable format);
    lxw_error (*_Nonnull worksheetMergeRange)(lxw_worksheet *_Nonnull worksheet, lxw_row_t first_row,
                                              lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col,
                                              const char *_Nonnull string, lxw_format *_Nullable format);
    char *_Nonnull (*_Nonnull errorText)(lxw_error error_num);
} OpsXLSXWriterFunctions;

/// The function table, loading libxlsxwriter on the first call (thread-safe; the library stays
/// loaded). Tries the soname of the headers (`libxlsxwriter.so.` `LXW_SOVERSION`), then
/// `libxlsxwriter.so` (the -dev package's link). Returns NULL when neither loads or the library
/// lacks a function; `reason`, when given, then points to a static message saying why.
const OpsXLSXWriterFunctions *_Nullable ops_xlsxwriter_functions(const char *_Nullable *_Nullable reason);

#endif
