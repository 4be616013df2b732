/**
 * World regions of ISO 3166-1 alpha-3 codes, after the UN M49 standard: the Americas by subregion (where
 * most of Peru's foreign victims and places of exploitation are), the other continents whole. Used to
 * generalise a country before suppressing it in k-anonymised extracts (k-anonymity.ts). Pure data.
 */
const table: Record<string, string> = {
  south_america: 'ARG BOL BRA BVT CHL COL ECU FLK GUF GUY PER PRY SGS SUR URY VEN',
  central_america: 'BLZ CRI GTM HND MEX NIC PAN SLV',
  caribbean: 'ABW AIA ATG BES BHS BLM BRB CUB CUW CYM DMA DOM GLP GRD HTI JAM KNA LCA MAF MSR MTQ PRI SXM TCA TTO VCT VGB VIR',
  northern_america: 'BMU CAN GRL SPM USA',
  europe:
    'ALA ALB AND AUT BEL BGR BIH BLR CHE CZE DEU DNK ESP EST FIN FRA FRO GBR GGY GIB GRC HRV HUN IMN IRL ISL ITA JEY LIE LTU LUX LVA MCO MDA MKD MLT MNE NLD NOR POL PRT ROU RUS SJM SMR SRB SVK SVN SWE UKR VAT XKX',
  africa:
    'AGO ATF BDI BEN BFA BWA CAF CIV CMR COD COG COM CPV DJI DZA EGY ERI ESH ETH GAB GHA GIN GMB GNB GNQ IOT KEN LBR LBY LSO MAR MDG MLI MOZ MRT MUS MWI MYT NAM NER NGA REU RWA SDN SEN SHN SLE SOM SSD STP SWZ SYC TCD TGO TUN TZA UGA ZAF ZMB ZWE',
  asia:
    'AFG ARE ARM AZE BGD BHR BRN BTN CHN CYP GEO HKG IDN IND IRN IRQ ISR JOR JPN KAZ KGZ KHM KOR KWT LAO LBN LKA MAC MDV MMR MNG MYS NPL OMN PAK PHL PRK PSE QAT SAU SGP SYR THA TJK TKM TLS TUR TWN UZB VNM YEM',
  oceania: 'ASM AUS CCK COK CXR FJI FSM GUM HMD KIR MHL MNP NCL NFK NIU NRU NZL PCN PLW PNG PYF SLB TKL TON TUV UMI VUT WLF WSM',
  antarctica: 'ATA',
};

export const regionByCountry: ReadonlyMap<string, string> = new Map(
  Object.entries(table).flatMap(([region, codes]) => codes.split(' ').map((code) => [code, region] as const)),
);

/** The region of a country code; an unlisted code is `other_region`. */
export const regionOf = (alpha3: string) => regionByCountry.get(alpha3) ?? 'other_region';
