/**
 * Venue classification. On the US consolidated tape (CTA/UTP SIPs) every trade executed away from an exchange
 * (dark pools, wholesalers, broker internalisation) is reported through a FINRA facility, the Alternative
 * Display Facility or a Trade Reporting Facility, all of which print with participant code `D`
 * (CTA Binary Output Specification, Appendix A; FINRA Rule 6282 and the 6300/7200 TRF series). Feeds with
 * other venue codes pass their own list (DarkPoolSettings.offExchangeVenues), e.g. Polygon's TRF ids.
 */
export function isOffExchangeVenue(exchange: string, offExchangeVenues: readonly string[]): boolean {
  for (let i = 0; i < offExchangeVenues.length; i++) if (offExchangeVenues[i] === exchange) return true;
  return false;
}
