tracebriefSearch.terms("ch",{"chancellor":"5"});
