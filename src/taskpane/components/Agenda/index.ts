export { NextMeeting, type NextMeetingProps } from "./NextMeeting";
