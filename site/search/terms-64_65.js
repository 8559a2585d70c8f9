tracebriefSearch.terms("de",{"deal":"0","defense":"6,4,b,1","deter":"0"});
