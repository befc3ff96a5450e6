// The article the product is modelled on, verbatim: the demo shows that the pages carry a real story. Published 2022-02-03 13:33 in Asia/Yerevan.
export const MODEL_ARTICLE = {
  headline: 'US Department of State expects Russian response to clarify Moscow’s position',
  lead: 'The further diplomatic engagement will be done in the closest coordination with partners and allies, “we hope it is done in good faith by the Russian Federation,” State Spokesperson Ned Price noted',
  body: `/TASS/. The US administration expects that Russia’s official response to Washington’s statement on Moscow’s security proposals will make it clear what Russia is willing to engage in, US Department of State Spokesperson Ned Price said at a briefing.

“We are in the position of knowing something that was confirmed in the Secretary’s call with [Russian] Foreign Minister Lavrov yesterday that the Russians are preparing a written response <…> that will be reviewed and presumably approved by President Putin. That is a response that we assume will convey in detail, in writing, in specific language, specifically, where the Russians are, what they are willing to engage in, what for them seems like a viable path, what doors may be closed,” he pointed out.

“It remains our hope as Foreign Minister Lavrov seemed to indicate yesterday that there will be an opportunity following the receipt of that Russian response for further diplomatic engagement,” Price went on to say. “We don’t yet know the form, we don’t yet know the timing. What we do know is that the further diplomatic engagement, which we hope occurs, will be done on our part in the closest coordination with partners and allies, we hope it is done in good faith by the Russian Federation,” he noted. “There are no preconditions to talking but this diplomacy is not going to go anywhere, it is not going to address our security concerns, it is not going to address the concerns of the transatlantic community, that is to say our allies and partners on the other side of the Atlantic, and it won’t address the safety concerns of the Russian Federation if it doesn’t take place in this broader context of de-escalation,” the US Department of State stressed.

On December 17, the Russian Foreign Ministry released draft agreements on the security guarantees that Moscow expects to receive from Washington and NATO. The two accords – one with the US and the other with the Western-led bloc – particularly oblige NATO to cease its eastward expansion, namely to drop plans on granting Ukraine membership, and envisage restrictions on the deployment of serious offensive weapons, including nuclear ones. The United States and NATO handed their written responses to Russia’s security proposals over to Moscow on January 26. Washington had asked Moscow not to make the documents public, but US Secretary of State Antony Blinken and NATO Secretary General Jens Stoltenberg did announce their main provisions. According to their statements, the West refused to give Russia the concessions that it found crucial, but outlined areas for further talks.`,
  section: 'Politics',
  agencyCredit: 'TASS',
  tags: ['USA', 'Russia', 'Diplomacy'],
  /** 13:33 in Yerevan (UTC+4). */
  publishedAt: '2022-02-03T09:33:00.000Z'
} as const

/** Fictional stories around the model article's day, so its day newsfeed has neighbours. */
export const MODEL_DAY_NEIGHBOURS = [
  {
    publishedAt: '2022-02-02T06:10:00.000Z', section: 'Society', breaking: false,
    headline: 'Demo: Riverton library extends weekend opening hours',
    lead: 'The fictional city of Riverton will keep its central library open until 20:00 on Saturdays and Sundays, the demo city council said.',
    body: 'The change starts next month and is paid for from the existing culture budget.\n\nReaders asked for longer hours in a survey last autumn.'
  },
  {
    publishedAt: '2022-02-03T05:45:00.000Z', section: 'Economy', breaking: false,
    headline: 'Demo: Port Alden ferry operator adds a morning crossing',
    lead: 'A new 06:30 sailing between Port Alden and the islands will run on weekdays from March, the demo ferry operator announced.',
    body: 'The operator says the extra crossing answers requests from commuters.\n\nTimetables for the rest of the day stay as they are.'
  },
  {
    publishedAt: '2022-02-03T12:20:00.000Z', section: 'World', breaking: true,
    headline: 'Demo: Storm warning issued for the Northern Valley region',
    lead: 'Forecasters in the fictional Northern Valley region expect strong winds and heavy snow overnight and advise drivers to avoid mountain roads.',
    body: 'Schools in three districts will open two hours late on Friday.\n\nThe warning is in force until noon.'
  },
  {
    publishedAt: '2022-02-04T08:05:00.000Z', section: 'Sport', breaking: false,
    headline: 'Demo: Riverton Rovers win the winter cup final on penalties',
    lead: 'The fictional Riverton Rovers beat Port Alden 4–3 on penalties after a goalless final in front of a sold-out stadium.',
    body: 'It is the club’s first winter cup since the competition began.\n\nThe team returns home on Saturday.'
  }
] as const
