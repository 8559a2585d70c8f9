tracebriefSearch.terms("wi",{"will":"0"});
