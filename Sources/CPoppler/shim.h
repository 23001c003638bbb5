#ifndef OPSREPORT_CPOPPLER_SHIM_H
#define OPSREPORT_CPOPPLER_SHIM_H
#include <poppler.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <glib.h>
#include <glib-object.h>
#endif
