#ifndef OPSREPORT_CXLSXWRITER_SHIM_H
#define OPSREPORT_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
