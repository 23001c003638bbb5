import PDFLayout

/// The extraction result for one Operations Report PDF: what the document prints, where each
/// value was printed (`provenance`), and what the reconciler found (`findings`).
///
/// Serialised with snake_case keys (see `ReportCoding`); validated by
/// `schemas/report.schema.json`. Domain keys match the corpus truth files.
public struct Report: Codable, Sendable, Equatable {
    /// Output format version; bumped on incompatible change.
    public var schemaVersion: String = Report.currentSchemaVersion
    public static let currentSchemaVersion = "1.0"
    /// The file this was read from.
    public var source: Source
    /// Reporting month, `YYYY-MM`, from the title (e.g. "Operations Report — December 2017").
    public var period: String?
    /// Document reference from the running header, e.g. `SECP_52_1201_11`.
    public var reference: String?
    /// The title line as printed, e.g. "Operations Report — December 2017".
    public var title: String?
    /// `"text"` for a born-digital text layer, `"scanned"` for page images with an OCR text layer.
    public var variant: String
    /// Figures quoted in the narrative text.
    public var narrative: Narrative
    /// Division of effort by driver (resource days).
    public var drivers: Drivers?
    /// Helpdesk emails by category and month.
    public var helpdesk: Helpdesk?
    /// Website statistics by month.
    public var website: Website?
    /// Party statistics (accessions, defaults, withdrawals, expulsions) by month.
    public var partyStatistics: PartyStatistics?
    /// Voting groups by category (from the chart labels or a table).
    public var votingGroups: [VotingGroup]?
    /// Meetings hosted and attended.
    public var meetings: [Meeting]?
    /// Modification status table (later layouts only).
    public var modificationStatus: ModificationStatus?
    /// Names of sections (JSON keys, e.g. `"helpdesk"`) that the document does not contain.
    public var missingSections: [String] = []
    /// Where each value was printed, keyed by the value's JSON Pointer (RFC 6901).
    public var provenance: [String: Provenance] = [:]
    /// Reconciliation findings, filled by the Reconcile module.
    public var findings: [Finding] = []

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", source, period, reference, title, variant, narrative, drivers, helpdesk, website
        case partyStatistics = "party_statistics", votingGroups = "voting_groups", meetings
        case modificationStatus = "modification_status", missingSections = "missing_sections", provenance, findings
    }

    public init(source: Source, variant: String = "text") {
        self.source = source
        self.variant = variant
        self.narrative = Narrative()
    }
}

/// Identifies the input file.
public struct Source: Codable, Sendable, Equatable {
    /// Path as given on the command line.
    public var file: String
    /// SHA-256 of the file's bytes, lowercase hex.
    public var sha256: String
    /// Number of pages.
    public var pages: Int
    /// The PDF Info `Producer` string, if any.
    public var producer: String?
    public init(file: String, sha256: String, pages: Int, producer: String? = nil) {
        self.file = file; self.sha256 = sha256; self.pages = pages; self.producer = producer
    }
}

/// Figures quoted in running text. Each is `nil` when the sentence is absent or unreadable.
public struct Narrative: Codable, Sendable, Equatable {
    /// "The total number of resource days in <month> was N" (days, two decimals).
    public var resourceDaysTotal: Days?
    /// "approximately N telephone enquiries".
    public var telephoneEnquiries: Int?
    /// "N email enquiries".
    public var emailEnquiries: Int?
    /// "there were N Parties to the SEC".
    public var parties: Int?
    /// "representing N Voting Groups".
    public var votingGroups: Int?
    enum CodingKeys: String, CodingKey {
        case resourceDaysTotal = "resource_days_total", telephoneEnquiries = "telephone_enquiries"
        case emailEnquiries = "email_enquiries", parties, votingGroups = "voting_groups"
    }
    public init() {}
}

/// The drivers table: one row per driver, in printed order, and the printed grand total.
public struct Drivers: Codable, Sendable, Equatable {
    public var rows: [DriverRow]
    public var grandTotal: Days?
    enum CodingKeys: String, CodingKey { case rows, grandTotal = "grand_total" }
    public init(rows: [DriverRow] = [], grandTotal: Days? = nil) { self.rows = rows; self.grandTotal = grandTotal }
}

public struct DriverRow: Codable, Sendable, Equatable {
    /// The spanning group label (e.g. "Core", "Projects"); "" when the table has none.
    public var group: String
    public var driver: String
    /// Days as printed; `nil` when the cell is empty or unreadable.
    public var days: Days?
    public init(group: String, driver: String, days: Days?) { self.group = group; self.driver = driver; self.days = days }
}

/// A months × categories table of counts (helpdesk emails).
public struct Helpdesk: Codable, Sendable, Equatable {
    /// Column months, `YYYY-MM`, oldest first as printed.
    public var months: [String]
    public var rows: [HelpdeskRow]
    /// The printed total row (one value per month); empty when the table has no total row.
    public var total: [Int?]
    public init(months: [String] = [], rows: [HelpdeskRow] = [], total: [Int?] = []) {
        self.months = months; self.rows = rows; self.total = total
    }
}

public struct HelpdeskRow: Codable, Sendable, Equatable {
    public var category: String
    /// One value per month; `nil` where the cell is empty or unreadable.
    public var counts: [Int?]
    public init(category: String, counts: [Int?]) { self.category = category; self.counts = counts }
}

public struct Website: Codable, Sendable, Equatable {
    public var months: [String]
    public var rows: [WebsiteRow]
    public init(months: [String] = [], rows: [WebsiteRow] = []) { self.months = months; self.rows = rows }
}

public struct WebsiteRow: Codable, Sendable, Equatable {
    /// "Visitors" or "Page Views" (or any other metric the table prints).
    public var metric: String
    public var values: [Int?]
    public init(metric: String, values: [Int?]) { self.metric = metric; self.values = values }
}

public struct PartyStatistics: Codable, Sendable, Equatable {
    public var months: [String]
    public var rows: [PartyStatisticsRow]
    public init(months: [String] = [], rows: [PartyStatisticsRow] = []) { self.months = months; self.rows = rows }
}

public struct PartyStatisticsRow: Codable, Sendable, Equatable {
    /// e.g. "Accessions", "In Default", "Withdrawals", "Expulsions" (footnote markers removed).
    public var measure: String
    public var counts: [Int?]
    public init(measure: String, counts: [Int?]) { self.measure = measure; self.counts = counts }
}

public struct VotingGroup: Codable, Sendable, Equatable {
    public var category: String
    public var count: Int?
    public init(category: String, count: Int?) { self.category = category; self.count = count }
}

public struct Meeting: Codable, Sendable, Equatable {
    /// The spanning category label, e.g. "SEC Governance Meetings".
    public var category: String
    public var meeting: String
    /// ISO dates `YYYY-MM-DD`, in printed order; empty when none is printed.
    public var dates: [String]
    public init(category: String, meeting: String, dates: [String]) {
        self.category = category; self.meeting = meeting; self.dates = dates
    }
}

public struct ModificationStatus: Codable, Sendable, Equatable {
    public var rows: [ModificationStatusRow]
    public var total: Int?
    public init(rows: [ModificationStatusRow] = [], total: Int? = nil) { self.rows = rows; self.total = total }
}

public struct ModificationStatusRow: Codable, Sendable, Equatable {
    public var status: String
    public var count: Int?
    public init(status: String, count: Int?) { self.status = status; self.count = count }
}

/// Where a value was printed.
public struct Provenance: Codable, Sendable, Equatable {
    /// 1-based page number.
    public var page: Int
    /// Bounding box of the printed text, PDF points, origin top-left, y down.
    public var bbox: BBox
    /// The text exactly as printed (before normalisation).
    public var text: String
    /// Which reading the value came from, only for values read by OCR: `text_layer` (the scan's
    /// own OCR layer), `cell_ocr` (the table cell read alone), `page_ocr` (running text read
    /// from the page image), `label_match` (a label corrected to one this report family prints).
    public var source: String? = nil
    /// Tesseract's confidence (0–100) in the reading, when it came from OCR.
    public var confidence: Double? = nil
    /// - Parameter bbox: rounded to 0.01 pt, the precision of the JSON output.
    public init(page: Int, bbox: BBox, text: String) { self.page = page; self.bbox = bbox.rounded; self.text = text }
}
