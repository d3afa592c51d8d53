/// The anonymised evidence base from one screening pack's results: counts by quarter, council area,
/// level of concern, type of exploitation, organisation and action taken, with disclosure control
/// applied (``DisclosureControl``). It never holds ids, free text or dates finer than a quarter.
public struct ScreeningStatistics: Sendable {
    /// A dimension the tables count by, with every category it has (so a reader knows how the
    /// counts add up): e.g. `quarter` with `2025-Q1`…, `not_known`.
    public struct Dimension: Sendable, Equatable {
        public var id: String
        public var title: String
        /// Every category, in order; together they cover every screening.
        public var categories: [ReportPack.Label]
        /// Named sums of categories (e.g. `not_referred`: every known action except an NRM referral).
        public var groups: [(id: String, label: String, members: [String])]

        public static func == (a: Dimension, b: Dimension) -> Bool {
            a.id == b.id && a.categories == b.categories && a.groups.map(\.id) == b.groups.map(\.id)
                && a.groups.map(\.members) == b.groups.map(\.members)
        }
    }

    /// A row or column heading: its label and the categories it fixes (none for a total).
    public struct Heading: Sendable, Equatable {
        public var label: String
        public var coordinates: [(dimension: String, category: String)]

        public var isTotal: Bool { coordinates.isEmpty }

        public static func == (a: Heading, b: Heading) -> Bool {
            a.label == b.label && a.coordinates.map(\.dimension) == b.coordinates.map(\.dimension)
                && a.coordinates.map(\.category) == b.coordinates.map(\.category)
        }
    }

    /// One published table. A cell's categories are its row's plus its column's.
    public struct Table: Sendable {
        public var id: String
        public var title: String
        /// What the rows are (the first column's heading).
        public var rowTitle: String
        public var rows: [Heading]
        public var columns: [Heading]
        /// `counts[row][column]`: the count, or nil when it is hidden.
        public var counts: [[Int?]]
    }

    /// The pack's title.
    public var title: String
    /// Screenings counted (nil when the total itself is hidden).
    public var screenings: Int?
    /// Counts from 1 to this minus 1 are hidden, with whatever would reveal them.
    public var threshold: Int
    /// The period asked for (`--from`, `--to`), as given.
    public var from: String?
    public var to: String?
    public var dimensions: [Dimension]
    public var tables: [Table]
    /// Screenings left out because `--from`/`--to` was given and they have no date.
    public var undatedLeftOut: Int
    /// Screenings left out because their date is outside the period.
    public var outsidePeriod: Int

    /// How a hidden count is printed.
    public static let hiddenMark = "[c]"

    /// The number of hidden counts in all tables (each shared count once per table it appears in).
    public var hiddenCount: Int { tables.reduce(0) { $0 + $1.counts.reduce(0) { $0 + $1.filter { $0 == nil }.count } } }
}
