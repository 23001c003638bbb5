// Loads libxlsxwriter at first use (see include/CXLSXWriter.h).
#include "CXLSXWriter.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

/// Library names tried in order: the soname of the headers this was built with, then the
/// unversioned link of the -dev package.
#if defined(__APPLE__)
static const char *const names[] = {"libxlsxwriter." LXW_SOVERSION ".dylib", "libxlsxwriter.dylib"};
#else
static const char *const names[] = {"libxlsxwriter.so." LXW_SOVERSION, "libxlsxwriter.so"};
#endif

static OpsXLSXWriterFunctions table;
static const OpsXLSXWriterFunctions *loaded = NULL;
static char failure[512] = "";
static pthread_once_t once = PTHREAD_ONCE_INIT;

/// Resolves `symbol` into `table.field`, after checking at compile time that the field has the
/// function's type in the header; gives up (the library is closed again) when it is missing.
#define RESOLVE(field, symbol)                                                                  \
    _Static_assert(__builtin_types_compatible_p(__typeof__(&symbol), __typeof__(table.field)),  \
                   #symbol " has another type in xlsxwriter.h");                               \
    if (!(table.field = (__typeof__(table.field))dlsym(handle, #symbol))) {                      \
        snprintf(failure, sizeof failure, "%s has no function %s", name, #symbol);              \
        dlclose(handle);                                                                        \
        return;                                                                                 \
    }

static void load(void) {
    void *handle = NULL;
    const char *name = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !handle; i++) {
        name = names[i];
        handle = dlopen(name, RTLD_NOW | RTLD_LOCAL);
        // The message shown is the first name's (the soname's).
        const char *why = handle ? NULL : dlerror();
        if (i == 0 && why) snprintf(failure, sizeof failure, "libxlsxwriter cannot be loaded (%s)", why);
    }
    if (!handle) return;
    RESOLVE(workbookNew, workbook_new)
    RESOLVE(workbookAddWorksheet, workbook_add_worksheet)
    RESOLVE(workbookClose, workbook_close)
    RESOLVE(worksheetWriteString, worksheet_write_string)
    RESOLVE(worksheetMergeRange, worksheet_merge_range)
    RESOLVE(errorText, lxw_strerror)
    loaded = &table;
}

const OpsXLSXWriterFunctions *ops_xlsxwriter_functions(const char **reason) {
    pthread_once(&once, load);
    if (!loaded && reason) *reason = failure;
    return loaded;
}
