#ifndef OPSREPORT_CTESSERACT_SHIM_H
#define OPSREPORT_CTESSERACT_SHIM_H
#include <tesseract/capi.h>
#endif
