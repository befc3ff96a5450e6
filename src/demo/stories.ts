// Demo content: fictional stories about fictional places, so nothing here quotes or concerns real people.

export interface DemoComment { name: string, url?: string, body: string, minutesAfter: number }

export interface DemoStory {
  headline: string
  lead: string
  /** Markdown body, 2-4 paragraphs, separated by blank lines. */
  body: string
  section: 'Politics' | 'Economy' | 'Society' | 'Culture' | 'Sport' | 'World' | 'Technology'
  tags: string[]
  breaking?: boolean
  agencyCredit?: string   // e.g. 'Lede Wire' — only fictional agency names, never real agencies
  byline?: string         // fictional reporter names
  comments?: DemoComment[]  // approved reader comments (fictional names)
}

/** Joins paragraphs into a Markdown body with blank lines between them. */
const md = (...paragraphs: string[]): string => paragraphs.join('\n\n')

/** Stories spread over seven days: DEMO_DAYS[0] is "today", DEMO_DAYS[6] is six days ago. Each day has 4-6 stories, listed in order of publication (earliest first), each with an hour:minute in the site's local time. */
export const DEMO_DAYS: { time: string /* "HH:MM" 24h */, story: DemoStory }[][] = [
  // Today (early morning only)
  [
    {
      time: '00:20',
      story: {
        headline: 'Port Alden Mariners snatch late win in rain-soaked harbour derby',
        lead: 'A header in the final minute gave the Port Alden Mariners a 2-1 victory over Kestrel Bay Rovers in a derby played through a steady downpour.',
        body: md(
          'The Mariners trailed for most of the second half at a waterlogged Quayside Ground, where the groundstaff had spent the afternoon forking the pitch to keep the match on.',
          'Substitute Tomas Wrenfield levelled with a low shot on 78 minutes before defender Ari Castell rose highest at a corner in stoppage time. *It was not pretty, but derbies rarely are*, said head coach Lina Morrow after the match.',
          'The result lifts the Mariners to third in the Coastal League, two points behind leaders Linden Hollow Athletic.'
        ),
        section: 'Sport',
        tags: ['Football', 'Port Alden'],
        byline: 'Owen Pryce',
        comments: [
          { name: 'Harbourside Hal', body: 'Soaked to the skin and worth every minute. What a finish!', minutesAfter: 25 },
          {
            name: 'Greta from the North Stand',
            body: 'Credit to the groundstaff, honestly. I was sure it would be called off at half past six.\n\nThe pitch held up far better than anyone expected.',
            minutesAfter: 140
          }
        ]
      }
    },
    {
      time: '05:45',
      story: {
        headline: 'Storm warning issued for Kestrel Bay coast as winds strengthen',
        lead: 'Forecasters have issued an amber warning for the Kestrel Bay coastline, with gusts of up to 110 km/h expected from mid-morning until late this evening.',
        body: md(
          'The Northern Valley Weather Office said the strongest winds were likely along exposed headlands and on the causeway road to Gull Island, which may close at short notice.',
          '## What residents are advised to do',
          '- Secure garden furniture, bins and loose objects\n- Avoid the seafront promenade during high tide\n- Check ferry and bus updates before travelling',
          'Live updates are available on the [regional weather page](https://example.com/weather/kestrel-bay).'
        ),
        section: 'World',
        tags: ['Weather', 'Kestrel Bay'],
        breaking: true,
        agencyCredit: 'Lede Wire'
      }
    },
    {
      time: '06:30',
      story: {
        headline: 'Riverton bakery cooperative opens fourth shop despite rising flour prices',
        lead: 'The Riverton Bread Cooperative is opening its fourth shop this week, betting that neighbourhood demand will outweigh a sharp rise in the cost of flour.',
        body: md(
          'The worker-owned cooperative, founded eight years ago in a former laundrette on Mill Street, now employs 46 people across the city.',
          'Its new branch in the Eastbank district will bake on site from 5am. Cooperative member Sunniva Oakes said the group had absorbed part of the flour increase by buying directly from growers in the Northern Valley.',
          'Prices of a standard loaf will rise by ten cents from next month, the first increase in two years.'
        ),
        section: 'Economy',
        tags: ['Business', 'Riverton'],
        byline: 'Priya Castell'
      }
    },
    {
      time: '07:40',
      story: {
        headline: 'Northern Valley council publishes draft budget for public consultation',
        lead: 'Residents of the Northern Valley region have six weeks to comment on a draft budget that raises spending on rural buses and road maintenance.',
        body: md(
          'The draft plan sets aside an extra 4 million crowns for bus routes serving outlying villages, funded partly by reducing the council’s office space in Riverton.',
          'Council treasurer Marcus Feld said the consultation was a genuine one and that the final budget would reflect what residents said. Public meetings will be held in each of the region’s five districts.',
          'The full draft and an online response form are published on the [council website](https://example.com/northern-valley/budget).'
        ),
        section: 'Politics',
        tags: ['Budget', 'Northern Valley'],
        agencyCredit: 'Valley Press Service'
      }
    },
    {
      time: '08:30',
      story: {
        headline: 'Port Alden library will lend laptops alongside books from Monday',
        lead: 'Library members in Port Alden will be able to borrow a laptop for up to two weeks, in a scheme aimed at students and job seekers without a computer at home.',
        body: md(
          'The central library has refurbished 80 donated laptops, each loaded with an office suite and a guide to the library’s free online courses.',
          'Head librarian Odile Brant said the idea came from staff who noticed queues for the public computers growing every afternoon. Borrowers need only a standard library card.',
          'If the trial succeeds, the scheme will expand to the branch libraries in Saltmarsh and Upper Quay next spring.'
        ),
        section: 'Technology',
        tags: ['Libraries', 'Port Alden', 'Education'],
        byline: 'Jonah Ferrier',
        comments: [
          { name: 'Mira K.', body: 'This is brilliant. My nephew has been doing homework on his phone all year.', minutesAfter: 12 },
          { name: 'Old Quay Reader', url: 'https://example.org/blog', body: 'I wrote a short post about our library’s other hidden services, for anyone curious.', minutesAfter: 95 },
          { name: 'Bernard L.', body: 'Good to see the donated machines put to use rather than landfill.', minutesAfter: 310 }
        ]
      }
    }
  ],

  // Yesterday
  [
    {
      time: '07:15',
      story: {
        headline: 'Volunteers plant 2,000 trees along the Riverton canal towpath',
        lead: 'More than 300 volunteers spent the weekend planting native trees along a four-kilometre stretch of the Riverton canal towpath.',
        body: md(
          'The planting, organised by the Friends of Riverton Canal, included alder, willow and wild cherry chosen to cope with the damp soil along the water’s edge.',
          'Organiser Petra Vanclief said the trees would provide shade for walkers and cyclists within a decade, and habitat for birds much sooner than that.',
          'The group plans a second planting day in the spring and is looking for volunteers to help water the saplings through the summer.'
        ),
        section: 'Society',
        tags: ['Environment', 'Riverton'],
        byline: 'Tessa Marlowe',
        comments: [
          { name: 'Canal Walker', body: 'I walk that stretch every morning. Can’t wait to see it green.', minutesAfter: 40 },
          {
            name: 'Ruth Ainsley',
            body: 'My two children planted three trees each and talked about nothing else at dinner.\n\nThank you to the organisers for making it so welcoming for families.',
            minutesAfter: 220
          }
        ]
      }
    },
    {
      time: '09:30',
      story: {
        headline: 'Tram fares: 2 < 3 & other "simple" sums explained',
        lead: 'Riverton’s new zone-based tram fares take effect next month, and we asked transit officials to explain why two zones can cost less than three single tickets.',
        body: md(
          'From the first of the month, a ticket covering *two zones* will cost less than buying three single-zone tickets for the same trip, a change designed to reward longer journeys across the city.',
          '## The main changes',
          '- Single-zone tickets stay at 2.40 crowns\n- Two-zone tickets fall to 3.80 crowns\n- Day passes now cover all zones & all night trams',
          'Riverton Transit spokesperson Ilse Marchetti said the old system had “punished people who live on the edge of the city”. A fare calculator is available on the [transit website](https://example.com/riverton-transit/fares).'
        ),
        section: 'Economy',
        tags: ['Transport', 'Riverton'],
        byline: 'Felix Arden',
        comments: [
          { name: 'Tram Fan 42', body: 'I <3 this & more: finally a fare system that makes sense for those of us in the outer zones!', minutesAfter: 18 },
          { name: 'Dora "Numbers" Vale', body: 'For the record: 3.80 < 3 × 2.40 = 7.20. The headline checks out.', minutesAfter: 75 }
        ]
      }
    },
    {
      time: '12:10',
      story: {
        headline: 'Port Alden mayor unveils plan for car-free Sundays in old town',
        lead: 'Mayor Helena Strand wants to close the narrow streets of Port Alden’s old town to cars every Sunday from May to September, starting with a three-month trial.',
        body: md(
          'Under the proposal, delivery vans would be allowed in before 10am, and residents with disabilities would keep vehicle access to their homes at all times.',
          'Shopkeepers are divided. Some expect more foot traffic, while others worry that customers from outlying villages will simply shop elsewhere.',
          'The city council will debate the plan next month, after a series of drop-in sessions at the town hall.'
        ),
        section: 'Politics',
        tags: ['Transport', 'Port Alden'],
        agencyCredit: 'Harbour News Agency'
      }
    },
    {
      time: '16:45',
      story: {
        headline: 'Riverton Rowing Club crew breaks regional record on Lake Merrow',
        lead: 'The Riverton Rowing Club women’s eight set a new Northern Valley record on Lake Merrow this afternoon, finishing the 2,000-metre course in under six minutes and twenty seconds.',
        body: md(
          'The crew beat the previous mark, set by a Caldmere boat eleven years ago, by almost three seconds in calm conditions.',
          'Stroke Anneke Holm said the crew had trained at dawn six days a week since January. The result secures the club a place at the national championships in August.'
        ),
        section: 'Sport',
        tags: ['Rowing', 'Riverton'],
        breaking: true,
        agencyCredit: 'Lede Wire'
      }
    },
    {
      time: '20:00',
      story: {
        headline: 'Open-air cinema season returns to Harbour Square in Port Alden',
        lead: 'Free outdoor film screenings return to Port Alden’s Harbour Square next Friday, with a programme of comedies, classics and a children’s matinee every weekend.',
        body: md(
          'The screen, mounted on a converted shipping container, will show films every Friday and Saturday evening until the end of August.',
          'Organisers recommend bringing a cushion and a blanket, as the sea breeze picks up after sunset. The full programme is on the [festival page](https://example.com/port-alden/cinema).'
        ),
        section: 'Culture',
        tags: ['Film', 'Port Alden'],
        byline: 'Nadia Korrin'
      }
    }
  ],

  // Two days ago
  [
    {
      time: '07:05',
      story: {
        headline: 'Vesland and Calderra agree to reopen mountain rail link',
        lead: 'The governments of Vesland and neighbouring Calderra have agreed to restore passenger trains over the Hollin Pass, closed for fifteen years after a landslide.',
        body: md(
          'Engineers from both countries will spend two years rebuilding the damaged section of track and strengthening the slopes above it.',
          'Vesland’s transport minister, Arvid Solberg, said the line would cut the journey between the two capitals from nine hours by road to under four by rail.',
          'Border towns along the route hope the link will bring back the walkers and skiers who once arrived by train every weekend.'
        ),
        section: 'World',
        tags: ['Rail', 'Vesland', 'Calderra'],
        agencyCredit: 'Lede Wire'
      }
    },
    {
      time: '10:20',
      story: {
        headline: 'Northern Valley schools trial solar-powered classroom heating',
        lead: 'Six primary schools in the Northern Valley are testing a heating system that stores summer solar energy in underground water tanks for use in winter.',
        body: md(
          'The system, designed by engineers at Riverton Technical College, pumps warm water into insulated tanks beneath each school’s playground.',
          'Early results suggest heating bills could fall by about 40 percent. Head teacher Colm Ashby of Fernbrook Primary said pupils were tracking the tank temperatures as part of their science lessons.'
        ),
        section: 'Technology',
        tags: ['Energy', 'Education', 'Northern Valley'],
        byline: 'Ines Halvorsen'
      }
    },
    {
      time: '13:00',
      story: {
        headline: 'Riverton council vote on Old Mill Bridge repairs ends in tie',
        lead: 'Riverton city council failed to approve funding for urgent repairs to the Old Mill Bridge after a vote ended 18 to 18, leaving the crossing closed to heavy vehicles.',
        body: md(
          'Council rules mean the question will return at next month’s meeting, when one absent member is expected to attend.',
          'Council leader Joanna Brevik said she was disappointed but confident that a compromise could be reached on how to split the cost between the city and the region.',
          'Until then, lorries will continue to be diverted via the ring road, adding around twenty minutes to many deliveries.'
        ),
        section: 'Politics',
        tags: ['Infrastructure', 'Riverton'],
        breaking: true,
        byline: 'Felix Arden'
      }
    },
    {
      time: '17:30',
      story: {
        headline: 'Port Alden ferry timetable changes: what passengers need to know',
        lead: 'The winter ferry timetable between Port Alden and the Saltmarsh Islands starts on Monday, with fewer early sailings but an extra late-evening return on Fridays.',
        body: md(
          'Harbour Ferries says the changes reflect how passengers actually travel outside the summer season.',
          '## Key changes',
          '- The 06:10 sailing moves to 06:40\n- An extra 22:15 return runs on Fridays\n- Bicycles travel free on all weekday sailings',
          'The complete timetable can be downloaded from the [operator’s website](https://example.com/harbour-ferries/winter).'
        ),
        section: 'Society',
        tags: ['Transport', 'Port Alden'],
        agencyCredit: 'Harbour News Agency',
        comments: [
          { name: 'Island Commuter', body: 'The Friday late boat is a lifesaver for anyone working evenings in town. Thank you!', minutesAfter: 55 }
        ]
      }
    },
    {
      time: '21:15',
      story: {
        headline: 'Riverton Philharmonic announces free lunchtime concerts this autumn',
        lead: 'The Riverton Philharmonic will give twelve free lunchtime concerts in the city’s covered market this autumn, each lasting no more than forty minutes.',
        body: md(
          'Programmes will range from string quartets to brass ensembles, with one concert written entirely by students at the city conservatoire.',
          'Artistic director Leopold Varn said the aim was simple: *bring the music to where people already are*.'
        ),
        section: 'Culture',
        tags: ['Music', 'Riverton'],
        byline: 'Nadia Korrin'
      }
    }
  ],

  // Three days ago
  [
    {
      time: '08:00',
      story: {
        headline: 'Port Alden harbour records busiest month for cargo in a decade',
        lead: 'Port Alden handled more than 1.2 million tonnes of cargo last month, its highest monthly total in ten years, driven by timber and grain exports.',
        body: md(
          'The harbour authority credited a new deep-water berth that opened in the spring, allowing larger vessels to dock without waiting for high tide.',
          'Dock workers’ representatives welcomed the figures but said more staff were needed to keep up with the night shifts.',
          'The authority expects volumes to ease in winter, when the grain season ends.'
        ),
        section: 'Economy',
        tags: ['Trade', 'Port Alden'],
        agencyCredit: 'Valley Press Service'
      }
    },
    {
      time: '11:25',
      story: {
        headline: 'Kestrel Bay cyclists prepare for the Three Valleys Classic',
        lead: 'Riders from the Kestrel Bay Cycling Club are putting in long training days on the coast road ahead of the 180-kilometre Three Valleys Classic next month.',
        body: md(
          'The amateur race crosses three mountain passes, including the notorious Brackenside climb with its final kilometre at a gradient of twelve percent.',
          'Club captain Rosalind Teague said the team had focused on pacing rather than speed. About 600 riders are expected at the start line in Riverton.'
        ),
        section: 'Sport',
        tags: ['Cycling', 'Kestrel Bay'],
        byline: 'Owen Pryce',
        comments: [
          { name: 'Hill Climber Ben', body: 'Brackenside is brutal. Good luck to everyone riding it!', minutesAfter: 33 },
          { name: 'Lotte P.', body: 'We’ll be cheering at the top of the pass with a flask of coffee.', minutesAfter: 180 },
          {
            name: 'Coach Marten',
            url: 'https://example.org/blog',
            body: 'Lovely to see the club featured.\n\nIf anyone wants to join the Saturday beginners’ ride, details are on my blog.',
            minutesAfter: 420
          }
        ]
      }
    },
    {
      time: '14:40',
      story: {
        headline: 'Flooding closes main road between Riverton and Linden Hollow',
        lead: 'The main road linking Riverton and Linden Hollow is closed in both directions after the River Ashe burst its banks near Fernbrook following heavy overnight rain.',
        body: md(
          'Police have set up a diversion through Caldmere, and drivers are asked to allow at least an extra half hour for their journeys.',
          'Regional emergency coordinator Stefan Oreby said there was no immediate risk to homes, but sandbags were being delivered to properties on the low-lying Meadow Lane.',
          'Bus route 14 is running a reduced service. Further updates will follow.'
        ),
        section: 'World',
        tags: ['Weather', 'Linden Hollow', 'Transport'],
        breaking: true,
        agencyCredit: 'Lede Wire'
      }
    },
    {
      time: '18:05',
      story: {
        headline: 'New city app lets Riverton residents report potholes with a photo',
        lead: 'Riverton residents can now report potholes, broken streetlights and overflowing bins by snapping a photo in a free city app that records the exact location automatically.',
        body: md(
          'The app, built by the council’s own digital team, sends each report directly to the crew responsible and shows its progress until the job is closed.',
          'Digital services manager Karin Lusk said the team had deliberately kept it simple: *one photo, one tap, done*. The app does not require an account.',
          'More information is available on the [city services page](https://example.com/riverton/report-it).'
        ),
        section: 'Technology',
        tags: ['Apps', 'Riverton'],
        byline: 'Jonah Ferrier',
        comments: [
          { name: 'Pothole Pete', body: 'Reported the crater on Orchard Road within five minutes of installing it. Let’s see how fast they are!', minutesAfter: 20 },
          { name: 'Sanne W.', body: 'Nice that there is no login. More public services should work like this.', minutesAfter: 260 }
        ]
      }
    },
    {
      time: '22:00',
      story: {
        headline: 'Amateur astronomers invite the public to Caldmere Hill star night',
        lead: 'The Caldmere Astronomical Society is opening its hilltop observatory to the public on Saturday night, with telescopes set up for views of the planets and the autumn star clusters.',
        body: md(
          'Members will run short talks every half hour for beginners, and children can make their own star wheel to take home.',
          'The event is free, but visitors are asked to bring a torch with a red filter and to leave car headlights off in the upper car park.'
        ),
        section: 'Culture',
        tags: ['Astronomy', 'Caldmere'],
        byline: 'Tessa Marlowe'
      }
    }
  ],

  // Four days ago
  [
    {
      time: '07:30',
      story: {
        headline: 'Riverton General Hospital opens new children’s ward after two-year build',
        lead: 'A new 40-bed children’s ward has opened at Riverton General Hospital, with family rooms that let parents stay overnight beside their children.',
        body: md(
          'The ward includes a play area designed with help from young patients, and a rooftop garden reached by a lift from the main corridor.',
          'Chief nurse Amalia Rusk said the building had been planned around the families who would use it, not the other way round.'
        ),
        section: 'Society',
        tags: ['Health', 'Riverton'],
        agencyCredit: 'Valley Press Service'
      }
    },
    {
      time: '09:50',
      story: {
        headline: 'Northern Valley region to hold referendum on a four-day school week',
        lead: 'Voters in the Northern Valley will decide next spring whether rural schools may switch to a four-day week with longer lessons, in the region’s first referendum for twenty years.',
        body: md(
          'Supporters say the change would save on transport costs and give pupils a day for sport, music and apprenticeships. Opponents worry about childcare for working parents.',
          '## How the vote will work',
          'The referendum will be advisory, but regional president Oskar Lindahl has said the assembly will follow the result if turnout exceeds 40 percent.'
        ),
        section: 'Politics',
        tags: ['Education', 'Referendum', 'Northern Valley'],
        byline: 'Ines Halvorsen',
        comments: [
          {
            name: 'Parent of Three',
            body: 'I can see both sides. The extra day would be great for my eldest, but I have no idea who would look after the youngest.\n\nI hope the council explains the childcare plans before the vote.',
            minutesAfter: 65
          },
          { name: 'Teacher in Fernbrook', body: 'Glad residents get a say on this. Please read the full proposal before deciding!', minutesAfter: 300 }
        ]
      }
    },
    {
      time: '12:35',
      story: {
        headline: 'Port Alden shipyard wins contract for three electric ferries',
        lead: 'The Saltmarsh Shipyard in Port Alden has won a contract to build three battery-electric ferries for island routes, securing around 400 jobs for the next four years.',
        body: md(
          'The ferries will carry up to 250 passengers and 40 cars each, recharging at the quayside during the fifteen-minute turnaround.',
          'Shipyard director Henrik Malm called the order the largest in the yard’s history. Construction of the first hull begins in January.'
        ),
        section: 'Economy',
        tags: ['Shipbuilding', 'Port Alden', 'Jobs'],
        breaking: true,
        agencyCredit: 'Harbour News Agency'
      }
    },
    {
      time: '15:15',
      story: {
        headline: 'Linden Hollow youth football team reaches national final',
        lead: 'Linden Hollow’s under-14 football team will play in the national youth cup final after a 3-2 semi-final win over a side from Vesland’s capital.',
        body: md(
          'The team, coached by volunteer parents, trains on a shared pitch behind the village school and raised money for its travel through cake sales.',
          'Captain Ellie Morcombe, 13, scored twice. The village hall will show the final on a big screen for those who cannot travel.'
        ),
        section: 'Sport',
        tags: ['Football', 'Linden Hollow', 'Youth'],
        byline: 'Owen Pryce'
      }
    },
    {
      time: '19:40',
      story: {
        headline: 'Forgotten mural uncovered during Riverton station renovation',
        lead: 'Workers renovating Riverton Central Station have uncovered a large painted mural of the old canal port, hidden behind plasterboard for more than fifty years.',
        body: md(
          'The mural, about twelve metres long, shows barges, warehouses and a crowd waiting for the first train to arrive in the city.',
          'Conservators from the Riverton City Museum will assess whether it can be restored in place. Museum curator Dagny Ferro described it as *a window into how the city saw itself*.',
          'Photographs of the find are on the [museum’s website](https://example.com/riverton-museum/mural).'
        ),
        section: 'Culture',
        tags: ['Art', 'Heritage', 'Riverton'],
        byline: 'Nadia Korrin',
        comments: [
          { name: 'Local History Group', url: 'https://example.org/blog', body: 'We have old postcards that show the mural in the 1960s. Happy to share them with the museum.', minutesAfter: 90 },
          { name: 'Jasper', body: 'Please keep it on display in the station, not in a storeroom!', minutesAfter: 150 },
          { name: 'Agnes T.', body: 'My grandfather used to talk about this painting. Lovely to know it survived.', minutesAfter: 480 }
        ]
      }
    }
  ],

  // Five days ago
  [
    {
      time: '07:45',
      story: {
        headline: 'Northern Valley farmers test drones to count sheep on hillsides',
        lead: 'Hill farmers in the Northern Valley are testing small camera drones that count flocks automatically, saving hours of walking on steep and remote pasture.',
        body: md(
          'The trial, run with the regional farmers’ union, uses software that recognises sheep from above and flags any animal that stays still for too long.',
          'Farmer Ingrid Dale said the drone found two stuck ewes in its first week. The union stresses that the drones fly low and avoid nesting areas.'
        ),
        section: 'Technology',
        tags: ['Farming', 'Drones', 'Northern Valley'],
        agencyCredit: 'Valley Press Service',
        comments: [
          { name: 'Shepherd’s Daughter', body: 'Dad was sceptical at first, but now he watches the drone footage every evening.', minutesAfter: 110 }
        ]
      }
    },
    {
      time: '10:10',
      story: {
        headline: 'Vesland parliament approves new national park on the Calderran border',
        lead: 'Vesland’s parliament has voted to create a national park covering 900 square kilometres of forest and upland along its border with Calderra.',
        body: md(
          'The park will protect one of the last large areas of old-growth pine in the region, home to lynx, capercaillie and several rare orchids.',
          'Existing grazing rights and footpaths will be kept, and a visitor centre is planned in the village of Holmvik.',
          'Calderra’s environment ministry said it would consider a matching protected area on its side of the border.'
        ),
        section: 'World',
        tags: ['Environment', 'Vesland'],
        agencyCredit: 'Lede Wire'
      }
    },
    {
      time: '13:30',
      story: {
        headline: 'Port Alden launches free swimming lessons for adults who never learned',
        lead: 'Adults in Port Alden who never learned to swim can now sign up for free, small-group lessons at the Saltmarsh leisure centre, with early-morning and evening sessions.',
        body: md(
          'Classes are capped at six people and take place in the shallow teaching pool, which is screened off from the main pool.',
          'Instructor Mila Roen said many adults felt embarrassed to ask for help. *Nobody here will judge you*, she said. Registration is open on the [leisure centre page](https://example.com/port-alden/swim).'
        ),
        section: 'Society',
        tags: ['Health', 'Port Alden'],
        byline: 'Tessa Marlowe'
      }
    },
    {
      time: '16:20',
      story: {
        headline: 'Riverton deputy mayor resigns over delayed housing project',
        lead: 'Riverton deputy mayor Anton Krell has resigned, saying he takes responsibility for repeated delays to the Eastbank affordable housing project.',
        body: md(
          'The 600-home development was due to welcome its first tenants last year but has been held up by contractor disputes and rising material costs.',
          'In a short statement, Krell said the project deserved fresh leadership. The council will appoint an interim deputy at its next meeting.'
        ),
        section: 'Politics',
        tags: ['Housing', 'Riverton'],
        breaking: true,
        byline: 'Felix Arden'
      }
    },
    {
      time: '20:30',
      story: {
        headline: 'Kestrel Bay Harriers name new head coach ahead of winter season',
        lead: 'The Kestrel Bay Harriers athletics club has appointed former regional cross-country champion Saskia Brandt as its new head coach ahead of the winter racing season.',
        body: md(
          'Brandt, who has coached junior runners in Caldmere for six years, said she wanted to grow the club’s women’s and veterans’ sections.',
          'The Harriers host their first cross-country meeting of the season on the dunes behind Kestrel Bay beach next month.'
        ),
        section: 'Sport',
        tags: ['Athletics', 'Kestrel Bay'],
        agencyCredit: 'Harbour News Agency'
      }
    }
  ],

  // Six days ago
  [
    {
      time: '07:00',
      story: {
        headline: 'Riverton market traders welcome longer Saturday opening hours',
        lead: 'Stallholders at Riverton’s covered market will be allowed to trade until 8pm on Saturdays from next month, after a council vote backed by most traders.',
        body: md(
          'The market currently closes at 4pm. Traders said younger shoppers often arrived too late to buy fresh produce.',
          'Fishmonger Roald Hensen said he expected to sell out more often. *Evenings are when people actually have time to cook*, he said.'
        ),
        section: 'Economy',
        tags: ['Retail', 'Riverton'],
        byline: 'Priya Castell',
        comments: [
          { name: 'Evening Shopper', body: 'Finally! I always miss the cheese stall after work on Saturdays.', minutesAfter: 45 },
          { name: 'Market Regular', body: 'Hope they add a few food stalls in the evening too, it would make a lovely outing.', minutesAfter: 200 }
        ]
      }
    },
    {
      time: '09:15',
      story: {
        headline: 'Port Alden book festival unveils a programme of 60 events',
        lead: 'The Port Alden Book Festival returns next month with 60 events over four days, including readings, writing workshops and a night of stories told on a moored sailing ship.',
        body: md(
          'Most events take place in the old customs house on the quay, and about a third are free to attend.',
          '## Highlights',
          '- A poetry slam judged by local secondary school pupils\n- Workshops on writing for children\n- A late-night ghost story session aboard the tall ship *Marigold*',
          'Tickets go on sale on Monday via the [festival website](https://example.com/port-alden/book-festival).'
        ),
        section: 'Culture',
        tags: ['Books', 'Festivals', 'Port Alden'],
        byline: 'Nadia Korrin'
      }
    },
    {
      time: '12:00',
      story: {
        headline: 'Fibre network fault cuts internet across Linden Hollow',
        lead: 'Homes and businesses across Linden Hollow have lost internet access after a fibre cable was damaged during roadworks on the Caldmere road this morning.',
        body: md(
          'The regional network operator, Valley Fibre, said engineers were on site and expected to restore service by the evening.',
          'Card payments at several shops are affected, and the village school has moved its afternoon computer lessons to paper exercises.'
        ),
        section: 'Technology',
        tags: ['Internet', 'Linden Hollow'],
        breaking: true,
        agencyCredit: 'Lede Wire'
      }
    },
    {
      time: '15:50',
      story: {
        headline: 'Caldmere village celebrates 100th birthday of its oldest resident',
        lead: 'The village of Caldmere turned out in force to celebrate the 100th birthday of retired postmistress Wilhelmina Garth, who has lived on the same street all her life.',
        body: md(
          'Neighbours decorated the village green with bunting, and the school choir sang a song written especially for the occasion.',
          'Asked for her secret, Mrs Garth said she credited daily walks, a good argument now and then, and *never skipping pudding*.'
        ),
        section: 'Society',
        tags: ['Community', 'Caldmere'],
        byline: 'Tessa Marlowe',
        comments: [
          { name: 'Former Pupil', body: 'She used to give us sweets with our stamps. Happy birthday, Mrs Garth!', minutesAfter: 30 },
          {
            name: 'Caldmere Choir',
            body: 'It was an honour to sing for her.\n\nShe tapped her foot through the whole song and asked for an encore.',
            minutesAfter: 240
          }
        ]
      }
    },
    {
      time: '22:30',
      story: {
        headline: 'Night ferry between Port Alden and Vesland resumes after repairs',
        lead: 'The overnight ferry between Port Alden and the Vesland port of Stenhavn has resumed sailing after three weeks out of service for engine repairs.',
        body: md(
          'The operator said all cancelled bookings had been refunded and that cabins on the first sailings were almost fully booked.',
          'The crossing takes eleven hours and remains popular with travellers taking cars or bicycles to the Vesland fjords.'
        ),
        section: 'World',
        tags: ['Transport', 'Port Alden', 'Vesland'],
        agencyCredit: 'Harbour News Agency'
      }
    }
  ]
]
