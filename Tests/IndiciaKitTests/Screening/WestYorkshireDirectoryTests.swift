import Testing

@testable import IndiciaKit

/// The shipped contact directories: every contact says where it was checked and when, the West
/// Yorkshire front doors exist under the ids the screening routes use, and the stale network entry
/// (the Police and Crime Commissioner's site, abolished in May 2021) is gone.
@Suite("Shipped services directories")
struct WestYorkshireDirectoryTests {
    static let areas = ["bradford", "calderdale", "kirklees", "leeds", "wakefield"]

    static var westYorkshire: [Service] { ShippedPacks.library.directories["west-yorkshire"]?.model.services ?? [] }
    static var national: [Service] { ShippedPacks.library.directories["uk-national"]?.model.services ?? [] }

    @Test("each council area has a children's and an adults' social care entry, and the police and the partnership are listed")
    func ids() {
        let ids = Set(Self.westYorkshire.map(\.id))
        for area in Self.areas {
            #expect(ids.contains("\(area)_childrens_social_care"), "\(area) children's")
            #expect(ids.contains("\(area)_adults_social_care"), "\(area) adults'")
        }
        #expect(ids.contains("west_yorkshire_police"))
        #expect(ids.contains("west_yorkshire_anti_slavery_partnership"))
        #expect(!ids.contains("west_yorkshire_network"), "the 2014 network entry was replaced")
    }

    @Test("every local contact cites the page it was checked against, with checked and review_by dates")
    func localProvenance() {
        #expect(Self.westYorkshire.count >= 12)
        for service in Self.westYorkshire {
            #expect(service.scope == "local", "\(service.id)")
            #expect(service.url?.hasPrefix("http") == true, "\(service.id) has no page address")
            #expect(!(service.source ?? "").isEmpty, "\(service.id) cites no source")
            #expect(service.checked != nil && service.reviewBy != nil, "\(service.id) lacks checked/review_by")
            if let checked = service.checked, let reviewBy = service.reviewBy {
                // Local front doors change: at most a year between checks.
                #expect(reviewBy - checked <= 366, "\(service.id) review date is more than a year after its check")
            }
            #expect(!(service.url ?? "").contains("westyorkshire-pcc.gov.uk"), "\(service.id) points at the abolished PCC site")
        }
    }

    @Test("every national contact has checked and review_by dates")
    func nationalDates() {
        #expect(!Self.national.isEmpty)
        for service in Self.national {
            #expect(service.checked != nil && service.reviewBy != nil, "\(service.id)")
        }
    }

    @Test("the ICTG phone line is described as advice; the referral is the online form")
    func ictg() throws {
        let line = try #require(Self.national.first { $0.id == "ictg_service" })
        #expect(line.phone == "0800 043 4303")
        #expect(line.description?.contains("online form") == true)
        let form = try #require(Self.national.first { $0.id == "ictg_referral_form" })
        #expect(form.phone == nil)
        #expect(form.url?.contains("ictg-service-referral-form") == true)
    }

    @Test("the helpline entry makes no hours claim the sources read do not support")
    func helplineHours() throws {
        let helpline = try #require(Self.national.first { $0.id == "modern_slavery_helpline" })
        #expect(!(helpline.description ?? "").contains("24 hours"))
    }
}
