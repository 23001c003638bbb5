#ifndef OPSREPORT_CTESSERACT_H
#define OPSREPORT_CTESSERACT_H
// libtesseract's C API, loaded at first use rather than linked: the binary does not need
// libtesseract (and leptonica, libarchive, libcurl…) to start, and only a scan pays for loading
// it. The types and constants come from the headers (apt `libtesseract-dev`); the functions
// OpsReport calls are resolved with dlsym into `OpsTesseractFunctions`. Do not call the `Tess*`
// functions the header declares directly: the binary does not link them.
#include <tesseract/capi.h>

/// The libtesseract functions OpsReport calls (same signatures as in `tesseract/capi.h`,
/// checked at compile time), resolved from the shared library.
typedef struct OpsTesseractFunctions {
    TessBaseAPI *_Nullable (*_Nonnull baseAPICreate)(void);
    int (*_Nonnull baseAPIInit2)(TessBaseAPI *_Nonnull handle, const char *_Nullable datapath,
                                 const char *_Nonnull language, TessOcrEngineMode oem);
    BOOL (*_Nonnull baseAPISetVariable)(TessBaseAPI *_Nonnull handle, const char *_Nonnull name,
                                        const char *_Nonnull value);
    void (*_Nonnull baseAPISetPageSegMode)(TessBaseAPI *_Nonnull handle, TessPageSegMode mode);
    void (*_Nonnull baseAPISetImage)(TessBaseAPI *_Nonnull handle, const unsigned char *_Nonnull imagedata,
                                     int width, int height, int bytes_per_pixel, int bytes_per_line);
    void (*_Nonnull baseAPISetSourceResolution)(TessBaseAPI *_Nonnull handle, int ppi);
    int (*_Nonnull baseAPIRecognize)(TessBaseAPI *_Nonnull handle, ETEXT_DESC *_Nullable monitor);
    TessResultIterator *_Nullable (*_Nonnull baseAPIGetIterator)(TessBaseAPI *_Nonnull handle);
    void (*_Nonnull baseAPIClear)(TessBaseAPI *_Nonnull handle);
    void (*_Nonnull baseAPIEnd)(TessBaseAPI *_Nonnull handle);
    void (*_Nonnull baseAPIDelete)(TessBaseAPI *_Nonnull handle);
    void (*_Nonnull resultIteratorDelete)(TessResultIterator *_Nonnull handle);
    const TessPageIterator *_Nonnull (*_Nonnull resultIteratorGetPageIteratorConst)(
        const TessResultIterator *_Nonnull handle);
    BOOL (*_Nonnull resultIteratorNext)(TessResultIterator *_Nonnull handle, TessPageIteratorLevel level);
    char *_Nullable (*_Nonnull resultIteratorGetUTF8Text)(const TessResultIterator *_Nonnull handle,
                                                          TessPageIteratorLevel level);
    float (*_Nonnull resultIteratorConfidence)(const TessResultIterator *_Nonnull handle, TessPageIteratorLevel level);
    BOOL (*_Nonnull pageIteratorBoundingBox)(const TessPageIterator *_Nonnull handle, TessPageIteratorLevel level,
                                             int *_Nonnull left, int *_Nonnull top, int *_Nonnull right,
                                             int *_Nonnull bottom);
    BOOL (*_Nonnull pageIteratorBaseline)(const TessPageIterator *_Nonnull handle, TessPageIteratorLevel level,
                                          int *_Nonnull x1, int *_Nonnull y1, int *_Nonnull x2, int *_Nonnull y2);
    void (*_Nonnull deleteText)(const char *_Nonnull text);
} OpsTesseractFunctions;

/// The function table, loading libtesseract on the first call (thread-safe; the library stays
/// loaded). Tries the soname of the headers' major version (`libtesseract.so.5` with 5.x headers),
/// then `libtesseract.so` (the -dev package's link). Returns NULL when neither loads or the
/// library lacks a function; `reason`, when given, then points to a static message saying why.
const OpsTesseractFunctions *_Nullable ops_tesseract_functions(const char *_Nullable *_Nullable reason);

#endif
