/**
 * Paraphrase banks for the talk around the work: help, greetings and thanks, things Rollcall
 * does not do, answers to a waitlist offer, follow-ups and the browser chat. One inner array
 * is one family; see learner.ts for the format.
 */
import type { ParaphraseBank } from './bank.ts';

export const CONVERSATIONAL_BANK: ParaphraseBank = {
  help: [
    ['what can you do', 'what do you do', 'what can i ask you', 'what are you for', 'what can this bot do'],
    ['help', 'help me', 'i need help', 'how does this work', 'how do i use this'],
    [
      'show me the commands',
      'list of commands',
      'what commands are there',
      'give me some examples',
      'what can i type here',
    ],
    [
      "i'm stuck",
      "i don't know what to do",
      'confused, what now',
      'where do i start',
      'how do i get started',
    ],
    [
      'what sort of things can you help with',
      'can you help me with training stuff',
      'what kind of questions do you answer',
      'are you able to book courses',
    ],
  ],
  small_talk: [
    ['thanks', 'thank you', 'cheers', 'ta', 'thanks a lot', 'much appreciated', 'thx 🙏'],
    ['hi', 'hello', 'hey', 'hiya', 'good morning', 'morning', 'afternoon all', 'yo'],
    ['how are you', "how's it going", 'how are things', 'you ok?', 'how was your weekend'],
    ['great', 'perfect', 'nice one', 'awesome', 'brilliant thanks', 'lovely', 'cool cool', '👍'],
    ["you're great", 'good bot', 'you are helpful', 'love this', 'you are a legend'],
    ['are you a bot', 'are you human', 'who made you', "what's your name", 'are you real'],
    ['bye', 'see you', 'have a good day', 'laters', 'night', 'catch you later'],
    ['sorry', 'my bad', 'never mind', 'ignore that', 'oops wrong chat'],
    ['ok', 'okay', 'got it', 'noted', 'fair enough', 'right then'],
  ],
  out_of_domain: [
    [
      "what's the weather like in {city}",
      'is it going to rain tomorrow',
      'weather forecast for the weekend',
      'how hot is it in {city}',
    ],
    [
      'tell me a joke',
      'write a poem about {thing}',
      'sing me a song',
      'say something funny',
      'tell me a story about {thing}',
    ],
    [
      'how do i reset my password',
      'my laptop is broken',
      'the wifi is down',
      'how do i get a new monitor',
      'my vpn keeps dropping',
    ],
    [
      'how much holiday have i got left',
      'when is payday',
      'how do i book annual leave',
      'submit my expenses',
      'what is my salary',
    ],
    [
      'book me a meeting room',
      'book a table for lunch',
      'book me a flight to {city}',
      'order a taxi',
      'get me a coffee',
    ],
    [
      'who won the match',
      'what is the capital of {city}',
      "what's 12 times 7",
      'translate hello into french',
      'what time is it in {city}',
    ],
    [
      'where is the canteen',
      "what's for lunch today",
      'is the office open on saturday',
      'where do i park',
      'who is the ceo',
    ],
  ],
  accept_offer: [
    [
      'yes i want the place',
      "yes i'll take the seat",
      'accept the offer',
      'accept the waitlist place',
      'i accept',
    ],
    [
      'grab the spot that came up',
      'take the freed up place',
      "i'll have the place that came free",
      'claim the seat you offered',
      'yes please, i want the spot',
    ],
    [
      'confirm my place from the waitlist',
      "i'll take it, thanks for the offer",
      'yes to the waitlist offer',
      'count me in for the freed seat',
    ],
  ],
  decline_offer: [
    [
      "no thanks, i don't want the place",
      'decline the offer',
      "i'll pass on the seat",
      'give the place to someone else',
      "i don't need the spot anymore",
    ],
    [
      'turn down the waitlist offer',
      'no i cant make it now, offer it to the next person',
      'reject the place',
      'not interested in the place anymore',
      'pass it on to someone else',
    ],
    [
      'no to the waitlist offer',
      "i'll decline, thanks",
      'release the offered seat',
      "don't want it anymore, thanks",
    ],
  ],
  open_web_chat: [
    [
      'open this in my browser',
      'can i use this in a browser',
      'is there a web version',
      'send me a link to the web chat',
      'web link please',
    ],
    [
      'can i chat with you on the website',
      'i want to use rollcall on my laptop browser',
      'give me a browser link',
      'open the web app',
      'how do i get to rollcall on the web',
    ],
  ],
};
