// Loads libtesseract at first use (see include/CTesseract.h).
#include "CTesseract.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <tesseract/version.h>

#define OPS_STRING(x) OPS_STRING_(x)
#define OPS_STRING_(x) #x

/// Library names tried in order: the soname of the major version whose headers this was built
/// with, then the unversioned link of the -dev package.
#if defined(__APPLE__)
static const char *const names[] = {"libtesseract." OPS_STRING(TESSERACT_MAJOR_VERSION) ".dylib", "libtesseract.dylib"};
#else
static const char *const names[] = {"libtesseract.so." OPS_STRING(TESSERACT_MAJOR_VERSION), "libtesseract.so"};
#endif

static OpsTesseractFunctions table;
static const OpsTesseractFunctions *loaded = NULL;
static char failure[512] = "";
static pthread_once_t once = PTHREAD_ONCE_INIT;

/// Resolves `symbol` into `table.field`, after checking at compile time that the field has the
/// function's type in the header; gives up (the library is closed again) when it is missing.
#define RESOLVE(field, symbol)                                                                  \
    _Static_assert(__builtin_types_compatible_p(__typeof__(&symbol), __typeof__(table.field)),  \
                   #symbol " has another type in tesseract/capi.h");                           \
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
        if (i == 0 && why) snprintf(failure, sizeof failure, "libtesseract cannot be loaded (%s)", why);
    }
    if (!handle) return;
    RESOLVE(baseAPICreate, TessBaseAPICreate)
    RESOLVE(baseAPIInit2, TessBaseAPIInit2)
    RESOLVE(baseAPISetVariable, TessBaseAPISetVariable)
    RESOLVE(baseAPISetPageSegMode, TessBaseAPISetPageSegMode)
    RESOLVE(baseAPISetImage, TessBaseAPISetImage)
    RESOLVE(baseAPISetSourceResolution, TessBaseAPISetSourceResolution)
    RESOLVE(baseAPIRecognize, TessBaseAPIRecognize)
    RESOLVE(baseAPIGetIterator, TessBaseAPIGetIterator)
    RESOLVE(baseAPIClear, TessBaseAPIClear)
    RESOLVE(baseAPIEnd, TessBaseAPIEnd)
    RESOLVE(baseAPIDelete, TessBaseAPIDelete)
    RESOLVE(resultIteratorDelete, TessResultIteratorDelete)
    RESOLVE(resultIteratorGetPageIteratorConst, TessResultIteratorGetPageIteratorConst)
    RESOLVE(resultIteratorNext, TessResultIteratorNext)
    RESOLVE(resultIteratorGetUTF8Text, TessResultIteratorGetUTF8Text)
    RESOLVE(resultIteratorConfidence, TessResultIteratorConfidence)
    RESOLVE(pageIteratorBoundingBox, TessPageIteratorBoundingBox)
    RESOLVE(pageIteratorBaseline, TessPageIteratorBaseline)
    RESOLVE(deleteText, TessDeleteText)
    loaded = &table;
}

const OpsTesseractFunctions *ops_tesseract_functions(const char **reason) {
    pthread_once(&once, load);
    if (!loaded && reason) *reason = failure;
    return loaded;
}
