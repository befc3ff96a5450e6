// Armenian strings of the live newsfeed (issue 16; spread into hy.ts).
export const liveHy = {
  'live.closing': 'Սերվերը վերագործարկվում է։ Թարմացումները կվերսկսվեն մի քանի վայրկյանից։',
  'live.tooManyFromAddress': 'Ձեր հասցեից բացված են թարմացումների չափազանց շատ հոսքեր։ Փակեք մի քանի ներդիր կամ փորձեք մեկ րոպեից։',
  'live.tooManyInTotal': 'Այս պահին թարմացումներին հետևում են չափազանց շատ ընթերցողներ։ Փորձեք մեկ րոպեից․ էջերն աշխատում են նաև առանց դրանց։',
  'live.newStories.one': '{count} նոր լուր — ցույց տալ',
  'live.newStories.other': '{count} նոր լուր — ցույց տալ',
  'live.breaking': 'Շտապ լուր',
  'live.dismiss': 'Փակել',
}
